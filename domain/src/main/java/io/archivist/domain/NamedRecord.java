package io.archivist.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A record as people read it where it is only mentioned (R13's previews, the roots of an operation): its
 * id, type, key and title (docs/lifecycle.md#concepts).
 */
public record NamedRecord(RecordId id, String type, Optional<String> key, String title) {

    public NamedRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        key = key == null ? Optional.empty() : key;
        Objects.requireNonNull(title, "title");
    }

    /** The record named by its type's rule in {@code catalog} (docs/lifecycle.md#concepts). */
    public static NamedRecord of(StoredRecord record, Catalog catalog) {
        return new NamedRecord(record.id(), record.type(), record.key(), catalog.titleOf(record));
    }
}
