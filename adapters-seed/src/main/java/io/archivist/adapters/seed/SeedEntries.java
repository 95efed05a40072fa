package io.archivist.adapters.seed;

import io.archivist.application.port.out.seed.SeedItem.RecordEntry;
import io.archivist.application.port.out.seed.SeedItem.TypeEntry;
import io.archivist.application.port.out.seed.SeedPosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one parsed JSON or YAML object of a seed into its item, whatever the format: each known
 * field taken if it has the JSON type it must have (else a problem), the other fields named.
 */
final class SeedEntries {

    private static final Set<String> RECORD_FIELDS = Set.of("key", "type", "attributes", "parents", "deleted_at");
    private static final Set<String> TYPE_FIELDS =
            Set.of("name", "archivable", "parents", "unique", "retention", "title_attribute");

    private SeedEntries() {}

    static RecordEntry record(Map<String, Object> fields, SeedPosition at) {
        List<String> problems = new ArrayList<>();
        return new RecordEntry(
                string(fields, "key", problems),
                string(fields, "type", problems),
                attributes(fields, problems),
                strings(fields, "parents", problems),
                Optional.ofNullable(fields.get("deleted_at")).map(String::valueOf),
                others(fields, RECORD_FIELDS),
                problems,
                at);
    }

    static TypeEntry type(Map<String, Object> fields, SeedPosition at) {
        List<String> problems = new ArrayList<>();
        Object archivable = fields.get("archivable");
        if (archivable != null && !(archivable instanceof Boolean)) {
            problems.add("'archivable' must be true or false");
        }
        return new TypeEntry(
                string(fields, "name", problems),
                Optional.ofNullable(archivable instanceof Boolean flag ? flag : null),
                strings(fields, "parents", problems),
                strings(fields, "unique", problems),
                Optional.ofNullable(string(fields, "retention", problems)),
                Optional.ofNullable(string(fields, "title_attribute", problems)),
                others(fields, TYPE_FIELDS),
                problems,
                at);
    }

    private static String string(Map<String, Object> fields, String name, List<String> problems) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        problems.add("'" + name + "' must be a string");
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(Map<String, Object> fields, List<String> problems) {
        Object value = fields.get("attributes");
        if (value == null || value instanceof Map) {
            return (Map<String, Object>) value;
        }
        problems.add("'attributes' must be an object");
        return null;
    }

    private static List<String> strings(Map<String, Object> fields, String name, List<String> problems) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        problems.add("'" + name + "' must be an array of strings");
        return List.of();
    }

    private static Set<String> others(Map<String, Object> fields, Set<String> known) {
        Set<String> others = new LinkedHashSet<>(fields.keySet());
        others.removeAll(known);
        return others;
    }
}
