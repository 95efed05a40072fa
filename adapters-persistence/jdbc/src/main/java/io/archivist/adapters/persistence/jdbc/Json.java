package io.archivist.adapters.persistence.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.archivist.domain.CountsPerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON text columns: attributes, lists of names and ids, counts, headers. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Readers made once: ObjectMapper.readValue with a TypeReference builds the type again on every call.
    private static final ObjectReader OBJECT = MAPPER.readerFor(new TypeReference<LinkedHashMap<String, Object>>() {});
    private static final ObjectReader STRINGS = MAPPER.readerFor(new TypeReference<List<String>>() {});
    private static final ObjectReader TREE = MAPPER.readerFor(JsonNode.class);

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> object(String text) {
        return read(text, OBJECT);
    }

    static List<String> strings(String text) {
        return read(text, STRINGS);
    }

    /** An operation's counts column: an object of type names and counts. */
    static CountsPerType counts(String text) {
        CountsPerType.Builder counts = CountsPerType.builder();
        Json.<JsonNode>read(text, TREE).properties().forEach(count -> {
            if (!count.getValue().canConvertToExactIntegral()) {
                throw new IllegalStateException("a counts column holds " + count.getValue() + " as a count");
            }
            counts.add(count.getKey(), count.getValue().longValue());
        });
        return counts.build();
    }

    static String write(CountsPerType counts) {
        return write(counts.asMap());
    }

    private static <T> T read(String text, ObjectReader reader) {
        try {
            return reader.readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds malformed text: " + e.getOriginalMessage(), e);
        }
    }
}
