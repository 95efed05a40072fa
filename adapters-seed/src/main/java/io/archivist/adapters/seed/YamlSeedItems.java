package io.archivist.adapters.seed;

import io.archivist.application.port.out.seed.MalformedSeedException;
import io.archivist.application.port.out.seed.SeedItem.WorkspaceEntry;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.domain.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * A seed that is one YAML document of the same form as the JSON one, read from SnakeYAML's event
 * stream one entry at a time (its object loader would build the whole document). Scalars are read
 * as JSON values (YAML 1.2 core schema): {@code yes}, {@code no} and times stay strings. Anchors and
 * aliases are refused, which also keeps alias bombs out of request bodies.
 */
final class YamlSeedItems extends LazyItems {

    /**
     * R14's depth, counted from a record's entry (depth 0 here), and one level more, so that the validator
     * refuses that level naming the record; deeper is malformed before it can recurse far.
     */
    private static final int MAX_DEPTH = Limits.MAX_JSON_DEPTH + 1;

    private enum Where {
        START,
        TOP,
        TYPES,
        RECORDS,
        END
    }

    private final Reader reader;
    private final Parser parser;
    private Where where = Where.START;
    private int entry;

    YamlSeedItems(InputStream in) {
        this.reader = new UnicodeReader(in);
        LoaderOptions options = new LoaderOptions();
        // A seed may be large; memory stays bounded because the document is read as events.
        options.setCodePointLimit(Integer.MAX_VALUE);
        this.parser = new ParserImpl(new StreamReader(reader), options);
    }

    @Override
    protected boolean readMore() {
        try {
            return step();
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new MalformedSeedException(
                    SeedPosition.line(at == null ? 1 : at.getLine() + 1), "not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new MalformedSeedException(SeedPosition.line(1), "not valid YAML: " + e.getMessage(), e);
        }
    }

    private boolean step() {
        switch (where) {
            case START -> start();
            case TOP -> top();
            case TYPES, RECORDS -> arrayEntry();
            case END -> {
                return false;
            }
        }
        return true;
    }

    private void start() {
        parser.getEvent(); // stream start
        if (!parser.checkEvent(Event.ID.DocumentStart)) {
            throw malformed(parser.peekEvent(), "", "the seed is empty");
        }
        parser.getEvent();
        if (!parser.checkEvent(Event.ID.MappingStart)) {
            throw malformed(parser.peekEvent(), "", "a seed is a mapping: workspace, object_types, records");
        }
        parser.getEvent();
        where = Where.TOP;
    }

    private void top() {
        Event event = parser.getEvent();
        if (event.is(Event.ID.MappingEnd)) {
            parser.getEvent(); // document end
            if (!parser.checkEvent(Event.ID.StreamEnd)) {
                throw malformed(parser.peekEvent(), "", "a seed is one YAML document");
            }
            where = Where.END;
            return;
        }
        String field = String.valueOf(value(event, 0));
        Event valueEvent = parser.getEvent();
        switch (field) {
            case "workspace" -> {
                Object name = value(valueEvent, 0);
                if (name instanceof String text) {
                    ready.add(new WorkspaceEntry(text, position(valueEvent, "/workspace")));
                } else if (name != null) {
                    throw malformed(valueEvent, "/workspace", "\"workspace\" must be a string");
                }
            }
            case "object_types", "records" -> {
                if (valueEvent.is(Event.ID.SequenceStart)) {
                    where = field.equals("records") ? Where.RECORDS : Where.TYPES;
                    entry = 0;
                } else if (value(valueEvent, 0) != null) {
                    throw malformed(valueEvent, "/" + field, "\"" + field + "\" must be a sequence");
                }
            }
            default ->
                throw malformed(
                        event, "/" + field, "a seed has no field '" + field + "' (workspace, object_types, records)");
        }
    }

    private void arrayEntry() {
        String array = where == Where.RECORDS ? "/records/" : "/object_types/";
        Event event = parser.getEvent();
        if (event.is(Event.ID.SequenceEnd)) {
            where = Where.TOP;
            return;
        }
        SeedPosition at = position(event, array + entry);
        if (!event.is(Event.ID.MappingStart)) {
            throw malformed(
                    event,
                    at.pointer(),
                    "each entry of " + array.substring(1, array.length() - 1) + " must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) value(event, 0);
        ready.add(where == Where.RECORDS ? SeedEntries.record(fields, at) : SeedEntries.type(fields, at));
        entry++;
    }

    /** The value that starts with {@code event}, read to its end, as plain Java values. */
    private Object value(Event event, int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed(event, "", "values nest deeper than " + MAX_DEPTH + " levels");
        }
        if (event instanceof ScalarEvent scalar) {
            return YamlScalars.value(scalar);
        }
        if (event.is(Event.ID.MappingStart)) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Event key = parser.getEvent(); !key.is(Event.ID.MappingEnd); key = parser.getEvent()) {
                if (!(value(key, depth + 1) instanceof String name)) {
                    throw malformed(key, "", "mapping keys must be strings");
                }
                if (map.containsKey(name)) {
                    throw malformed(key, "", "key '" + name + "' appears twice in one mapping");
                }
                map.put(name, value(parser.getEvent(), depth + 1));
            }
            return map;
        }
        if (event.is(Event.ID.SequenceStart)) {
            List<Object> list = new ArrayList<>();
            for (Event item = parser.getEvent(); !item.is(Event.ID.SequenceEnd); item = parser.getEvent()) {
                list.add(value(item, depth + 1));
            }
            return list;
        }
        if (event.is(Event.ID.Alias)) {
            throw malformed(event, "", "anchors and aliases are not supported in seeds");
        }
        throw malformed(event, "", "unexpected " + event.getEventId());
    }

    private static SeedPosition position(Event event, String pointer) {
        return new SeedPosition(
                event.getStartMark() == null ? 1 : event.getStartMark().getLine() + 1, pointer);
    }

    private static MalformedSeedException malformed(Event event, String pointer, String message) {
        return new MalformedSeedException(position(event, pointer), message);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
