package io.archivist.application.port.out.seed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One part of a seed as written, in document order: its workspace, an object type, or a record.
 * A field that is absent (or JSON null) is null or empty; a field of the wrong JSON type is left
 * out and named in {@code problems}; fields that are not part of the item's form are named in
 * {@code otherFields} (the import decides which of them are read-only and which unknown).
 */
public sealed interface SeedItem {

    SeedPosition position();

    /** The seed's {@code workspace}. */
    record WorkspaceEntry(String name, SeedPosition position) implements SeedItem {}

    /** One entry of {@code object_types}: {@code name, archivable, parents, unique, retention, title_attribute}. */
    record TypeEntry(
            String name,
            Optional<Boolean> archivable,
            List<String> parents,
            List<String> unique,
            Optional<String> retention,
            Optional<String> titleAttribute,
            Set<String> otherFields,
            List<String> problems,
            SeedPosition position)
            implements SeedItem {

        public TypeEntry {
            archivable = archivable == null ? Optional.empty() : archivable;
            parents = parents == null ? List.of() : List.copyOf(parents);
            unique = unique == null ? List.of() : List.copyOf(unique);
            retention = retention == null ? Optional.empty() : retention;
            titleAttribute = titleAttribute == null ? Optional.empty() : titleAttribute;
            otherFields = otherFields == null ? Set.of() : Set.copyOf(otherFields);
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }

    /**
     * One entry of {@code records}: {@code key, type, attributes, parents} (keys of other records)
     * and {@code deleted_at} as written (the text of whatever JSON value was given; the import judges
     * whether it is a time). Attribute values are plain Java values (String, Number,
     * Boolean, null, List, Map).
     */
    record RecordEntry(
            String key,
            String type,
            Map<String, Object> attributes,
            List<String> parents,
            Optional<String> deletedAt,
            Set<String> otherFields,
            List<String> problems,
            SeedPosition position)
            implements SeedItem {

        public RecordEntry {
            attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(attributes);
            parents = parents == null ? List.of() : List.copyOf(parents);
            deletedAt = deletedAt == null ? Optional.empty() : deletedAt;
            otherFields = otherFields == null ? Set.of() : Set.copyOf(otherFields);
            problems = problems == null ? List.of() : List.copyOf(problems);
        }
    }
}
