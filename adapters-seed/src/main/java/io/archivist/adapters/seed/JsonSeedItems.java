package io.archivist.adapters.seed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.archivist.application.port.out.seed.MalformedSeedException;
import io.archivist.application.port.out.seed.SeedItem.WorkspaceEntry;
import io.archivist.application.port.out.seed.SeedPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seed that is one JSON document, {@code {"workspace", "object_types": [...], "records": [...]}},
 * read with Jackson's streaming parser: one entry of the arrays at a time, so memory does not grow
 * with the seed. Positions are the line of each entry and its JSON pointer.
 */
class JsonSeedItems extends LazyItems {

    private enum Where {
        START,
        TOP,
        TYPES,
        RECORDS,
        END
    }

    protected final JsonParser parser;
    private Where where = Where.START;
    private int entry;

    JsonSeedItems(JsonParser parser) {
        this.parser = parser;
    }

    @Override
    protected boolean readMore() {
        try {
            return step();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedSeedException(
                    SeedPosition.line(at == null ? line() : at.getLineNr()),
                    "not valid JSON: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the next part of the document (adding the items it holds to {@code ready}); false at its end. */
    protected boolean step() throws IOException {
        switch (where) {
            case START -> {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw malformed("", "a seed is a JSON object: {\"workspace\", \"object_types\", \"records\"}");
                }
                where = Where.TOP;
            }
            case TOP -> top();
            case TYPES, RECORDS -> arrayEntry();
            case END -> {
                return false;
            }
        }
        return true;
    }

    private void top() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            if (parser.nextToken() != null) {
                throw malformed("", "the seed goes on after its closing brace");
            }
            where = Where.END;
            return;
        }
        String field = parser.currentName();
        token = parser.nextToken();
        switch (field) {
            case "workspace" -> {
                if (token == JsonToken.VALUE_STRING) {
                    ready.add(new WorkspaceEntry(parser.getText(), position("/workspace")));
                } else if (token != JsonToken.VALUE_NULL) {
                    throw malformed("/workspace", "\"workspace\" must be a string");
                }
            }
            case "object_types", "records" -> {
                if (token == JsonToken.START_ARRAY) {
                    where = field.equals("records") ? Where.RECORDS : Where.TYPES;
                    entry = 0;
                } else if (token != JsonToken.VALUE_NULL) {
                    throw malformed("/" + field, "\"" + field + "\" must be an array");
                }
            }
            default ->
                throw malformed("/" + field, "a seed has no field '" + field + "' (workspace, object_types, records)");
        }
    }

    private void arrayEntry() throws IOException {
        String array = where == Where.RECORDS ? "/records/" : "/object_types/";
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            where = Where.TOP;
            return;
        }
        SeedPosition at = position(array + entry);
        if (token != JsonToken.START_OBJECT) {
            throw malformed(
                    at.pointer(), "each entry of " + array.substring(1, array.length() - 1) + " must be an object");
        }
        Map<String, Object> fields = object();
        ready.add(where == Where.RECORDS ? SeedEntries.record(fields, at) : SeedEntries.type(fields, at));
        entry++;
    }

    /** The object whose START_OBJECT is the current token, as plain Java values. */
    protected Map<String, Object> object() throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            fields.put(name, value());
        }
        return fields;
    }

    private Object value() throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object();
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value());
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> {
                double number = parser.getDoubleValue();
                if (!Double.isFinite(number)) {
                    throw malformed("", "number " + parser.getText() + " is out of range");
                }
                yield number;
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw malformed("", "unexpected " + parser.currentToken());
        };
    }

    protected SeedPosition position(String pointer) {
        return new SeedPosition(line(), pointer);
    }

    protected long line() {
        return parser.currentTokenLocation().getLineNr();
    }

    protected MalformedSeedException malformed(String pointer, String message) {
        return new MalformedSeedException(position(pointer), message);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
