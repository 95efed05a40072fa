package io.archivist.adapters.seed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.archivist.application.port.out.seed.MalformedSeedException;
import io.archivist.application.port.out.seed.SeedItem.WorkspaceEntry;
import io.archivist.application.port.out.seed.SeedPosition;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A seed in JSON Lines, for large ones: one JSON object per line. A header line holds
 * {@code workspace} and {@code object_types} (and nothing else); every other line is one record.
 * Positions are lines; an object type of the header also gets its pointer within the line.
 */
final class JsonLinesSeedItems extends JsonSeedItems {

    private static final Set<String> HEADER = Set.of("workspace", "object_types");

    JsonLinesSeedItems(JsonParser parser) {
        super(parser);
    }

    @Override
    protected boolean step() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return false;
        }
        SeedPosition at = position("");
        if (token != JsonToken.START_OBJECT) {
            throw malformed("", "each line of a JSON Lines seed is a JSON object");
        }
        Map<String, Object> fields = object();
        if (fields.keySet().stream().noneMatch(HEADER::contains)) {
            ready.add(SeedEntries.record(fields, at));
        } else if (HEADER.containsAll(fields.keySet())) {
            header(fields, at);
        } else {
            throw new MalformedSeedException(
                    at,
                    "a header line holds only \"workspace\" and \"object_types\"; each record is a line of its own");
        }
        return true;
    }

    private void header(Map<String, Object> fields, SeedPosition at) {
        Object workspace = fields.get("workspace");
        if (workspace instanceof String name) {
            ready.add(new WorkspaceEntry(name, at));
        } else if (workspace != null) {
            throw new MalformedSeedException(at, "\"workspace\" must be a string");
        }
        Object types = fields.get("object_types");
        if (types != null && !(types instanceof List<?>)) {
            throw new MalformedSeedException(at, "\"object_types\" must be an array");
        }
        List<?> list = types == null ? List.of() : (List<?>) types;
        for (int n = 0; n < list.size(); n++) {
            SeedPosition typeAt = new SeedPosition(at.line(), "/object_types/" + n);
            if (!(list.get(n) instanceof Map<?, ?> type)) {
                throw new MalformedSeedException(typeAt, "each object type must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typeFields = (Map<String, Object>) type;
            ready.add(SeedEntries.type(typeFields, typeAt));
        }
    }
}
