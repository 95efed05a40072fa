package io.archivist.application.memory;

import io.archivist.application.memory.Tables.Slot;
import io.archivist.application.memory.Tables.TypeKey;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.UniqueValues;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The refusals the store makes itself on insert and update (DUPLICATE_KEY, UNIQUE_CONFLICT, missing
 * or archived parents, an archived record, a stale version), and the writes once they pass.
 */
final class TableWrites {

    private TableWrites() {}

    static void requireInsertable(Tables tables, StoredRecord record, Map<String, String> unique) {
        if (tables.records.containsKey(record.id())) {
            throw new IllegalStateException("record " + record.id() + " exists already");
        }
        for (RecordId parentId : record.parents()) {
            StoredRecord parent = tables.records.get(parentId);
            if (parent == null) {
                throw ArchivistException.missingParent(parentId);
            }
            if (!record.archived()) {
                Lifecycle.requireParentsActive(record.id(), List.of(parent));
            }
        }
        record.key()
                .map(key -> tables.keys.get(new TypeKey(record.type(), key)))
                .ifPresent(holder -> {
                    throw ArchivistException.duplicateKey(
                            record.type(), record.key().get(), holder);
                });
        if (!record.archived()) {
            requireFree(tables, record, unique);
        }
    }

    private static void requireFree(Tables tables, StoredRecord record, Map<String, String> unique) {
        unique.forEach((attribute, value) -> tables.activeHolder(record.type(), attribute, value)
                .filter(holder -> !holder.equals(record.id()))
                .ifPresent(holder -> {
                    throw new UniqueConflict(record.id(), record.type(), attribute, holder).toException();
                }));
    }

    static void apply(Tables tables, StoredRecord record, Map<String, String> unique) {
        tables.records.put(record.id(), record);
        tables.uniqueValues.put(record.id(), Map.copyOf(unique));
        record.parents()
                .forEach(parent -> tables.dependents
                        .computeIfAbsent(parent, p -> new LinkedHashSet<>())
                        .add(record.id()));
        record.key().ifPresent(key -> tables.keys.put(new TypeKey(record.type(), key), record.id()));
        if (record.archived()) {
            tables.touch(record.id(), record.archiveOperation().orElseThrow());
        } else {
            tables.claim(record);
        }
    }

    static void replace(Tables tables, StoredRecord updated, Map<String, String> unique) {
        StoredRecord current = tables.find(updated.id()).orElseThrow(() -> ArchivistException.notFound(updated.id()));
        Lifecycle.requireActive(current);
        Lifecycle.requireVersion(current, OptionalLong.of(updated.version() - 1));
        requireFree(tables, updated, unique);
        tables.free(current);
        tables.records.put(updated.id(), updated);
        tables.uniqueValues.put(updated.id(), Map.copyOf(unique));
        tables.claim(updated);
    }

    /** New unique attributes for {@code type}: every record's values recomputed, refused when two active ones would share one. */
    static void reindex(Tables tables, ObjectType type) {
        Map<RecordId, Map<String, String>> values = new LinkedHashMap<>();
        Map<Slot, RecordId> claimed = new HashMap<>();
        for (StoredRecord record : tables.records.values()) {
            if (!record.type().equals(type.name())) {
                continue;
            }
            Map<String, String> held = UniqueValues.of(type, record.attributes());
            values.put(record.id(), held);
            if (!record.archived()) {
                held.forEach((attribute, value) -> {
                    RecordId holder = claimed.putIfAbsent(new Slot(type.name(), attribute, value), record.id());
                    if (holder != null) {
                        throw new UniqueConflict(record.id(), type.name(), attribute, holder).toException();
                    }
                });
            }
        }
        tables.activeUnique.keySet().removeIf(slot -> slot.type().equals(type.name()));
        tables.activeUnique.putAll(claimed);
        tables.uniqueValues.putAll(values);
    }
}
