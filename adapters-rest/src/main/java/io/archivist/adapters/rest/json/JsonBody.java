package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archivist.application.port.in.RecordView;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Limits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request body as a JSON object, read strictly: broken JSON, a second top-level value, a member
 * named twice, nesting deeper than {@value #MAX_DEPTH} levels, unknown members and read-only members
 * are each a VALIDATION_FAILED (400) naming what is wrong, never silently ignored.
 */
public final class JsonBody {

    public static final int MAX_DEPTH = Limits.MAX_JSON_DEPTH;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(JsonValues.MAX_NUMBER_LENGTH)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /**
     * The body's text: JSON is UTF-8 (RFC 8259), whatever charset a Content-Type claims; bytes that
     * are not UTF-8 are a VALIDATION_FAILED rather than silently replaced.
     */
    public static String utf8(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ArchivistException.invalid("the body is not UTF-8 text");
        }
    }

    /** Parses a body that must be a JSON object. */
    public static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            throw ArchivistException.invalid("the request needs a JSON object body");
        }
        JsonNode parsed;
        try {
            parsed = STRICT.readTree(text);
        } catch (StreamConstraintsException e) {
            throw ArchivistException.invalid(
                    "the body is too deeply nested or holds too long a number: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw ArchivistException.invalid(
                    "the body is not valid JSON: " + firstLine(e.getOriginalMessage()) + location(e));
        }
        if (parsed == null || !parsed.isObject()) {
            throw ArchivistException.invalid("the body must be a JSON object");
        }
        return new JsonBody((ObjectNode) parsed);
    }

    /**
     * Refuses any member not in {@code allowed}: a read-only one as read-only, one of {@code fixed}
     * as fixed once the record exists, any other as unknown.
     */
    public JsonBody allowOnly(Set<String> allowed, Set<String> fixed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (allowed.contains(name)) {
                continue;
            }
            // Fields the service owns: a client that sends one is told so instead of having it dropped (docs/api.md).
            if (RecordView.SERVICE_FIELDS.contains(name)) {
                throw ArchivistException.invalid("field '" + name + "' is read-only: the service sets it");
            }
            if (fixed.contains(name)) {
                throw ArchivistException.invalid("field '" + name + "' is fixed when the record is created");
            }
            throw ArchivistException.invalid(
                    "unknown field '" + Limits.quote(name) + "'; expected " + new TreeSet<>(allowed));
        }
        return this;
    }

    public boolean isEmpty() {
        return node.isEmpty();
    }

    /** A member that is absent or JSON null is not given. */
    private Optional<JsonNode> member(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public Optional<String> text(String name) {
        return member(name).map(value -> {
            if (!value.isTextual()) {
                throw ArchivistException.invalid("field '" + name + "' must be a string");
            }
            return JsonValues.checkText(value.textValue(), name);
        });
    }

    public Optional<Boolean> bool(String name) {
        return member(name).map(value -> {
            if (!value.isBoolean()) {
                throw ArchivistException.invalid("field '" + name + "' must be true or false");
            }
            return value.booleanValue();
        });
    }

    /** A JSON object member as plain Java values (see {@link JsonValues}). */
    public Optional<Map<String, Object>> object(String name) {
        return member(name).map(value -> {
            if (!value.isObject()) {
                throw ArchivistException.invalid("field '" + name + "' must be a JSON object");
            }
            return JsonValues.object((ObjectNode) value, name);
        });
    }

    /** An array of strings, at most {@code max} of them (more is refused before any of them is read). */
    public Optional<List<String>> texts(String name, int max, ArchivistException tooMany) {
        return member(name).map(value -> {
            if (!value.isArray()) {
                throw ArchivistException.invalid("field '" + name + "' must be an array of strings");
            }
            if (value.size() > max) {
                throw tooMany;
            }
            List<String> texts = new ArrayList<>(value.size());
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    throw ArchivistException.invalid("field '" + name + "' must be an array of strings");
                }
                texts.add(JsonValues.checkText(item.textValue(), name));
            }
            return texts;
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return Limits.quote(newline < 0 ? message : message.substring(0, newline));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }
}
