package io.archivist.application.memory;

import io.archivist.application.port.out.RememberedAnswer;
import io.archivist.domain.Catalog;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordGraph;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything one workspace holds, as plain maps. A unit of work copies it before it starts and
 * puts the copy back when the work throws: that is the whole of the in-memory store's atomicity.
 * It is also the {@link RecordGraph} the domain's planner walks, which makes this store the
 * reference the contract kit is checked against.
 */
final class Tables implements RecordGraph {

    record TypeKey(String type, String key) {}

    record Slot(String type, String attribute, String value) {}

    /** In id order, the order of keyset pages. */
    final TreeMap<RecordId, StoredRecord> records;
    /** The canonical unique values each record holds; claimed in {@link #activeUnique} only while it is active. */
    final Map<RecordId, Map<String, String>> uniqueValues;

    final Map<RecordId, Set<RecordId>> dependents;
    final Map<TypeKey, RecordId> keys;
    final Map<Slot, RecordId> activeUnique;
    /** For history: the operations that touched each record, oldest first. */
    final Map<RecordId, List<OperationId>> touched;

    final Map<OperationId, Operation> operations;
    /** What each purge removed: ids and types, never attributes. */
    final Map<OperationId, Map<RecordId, String>> purged;

    final Map<String, ObjectType> types;
    /** Rolled back with the types, as the relational stores' column is. */
    long catalogVersion;

    final Map<String, RememberedAnswer> remembered;

    Tables() {
        records = new TreeMap<>();
        uniqueValues = new HashMap<>();
        dependents = new HashMap<>();
        keys = new HashMap<>();
        activeUnique = new HashMap<>();
        touched = new HashMap<>();
        operations = new HashMap<>();
        purged = new HashMap<>();
        types = new LinkedHashMap<>();
        remembered = new HashMap<>();
    }

    private Tables(Tables from) {
        records = new TreeMap<>(from.records);
        uniqueValues = new HashMap<>(from.uniqueValues);
        dependents = new HashMap<>();
        from.dependents.forEach((parent, set) -> dependents.put(parent, new LinkedHashSet<>(set)));
        keys = new HashMap<>(from.keys);
        activeUnique = new HashMap<>(from.activeUnique);
        touched = new HashMap<>();
        from.touched.forEach((id, list) -> touched.put(id, new ArrayList<>(list)));
        operations = new HashMap<>(from.operations);
        purged = new HashMap<>(from.purged);
        types = new LinkedHashMap<>(from.types);
        catalogVersion = from.catalogVersion;
        remembered = new HashMap<>(from.remembered);
    }

    /** A copy to restore when a unit of work fails. Values are immutable, so the maps are all it copies. */
    Tables copy() {
        return new Tables(this);
    }

    Catalog catalog() {
        return Catalog.of(types.values());
    }

    void touch(RecordId id, OperationId operation) {
        touched.computeIfAbsent(id, i -> new ArrayList<>()).add(operation);
    }

    void claim(StoredRecord record) {
        uniqueValues
                .getOrDefault(record.id(), Map.of())
                .forEach(
                        (attribute, value) -> activeUnique.put(new Slot(record.type(), attribute, value), record.id()));
    }

    void free(StoredRecord record) {
        uniqueValues
                .getOrDefault(record.id(), Map.of())
                .forEach((attribute, value) ->
                        activeUnique.remove(new Slot(record.type(), attribute, value), record.id()));
    }

    @Override
    public Optional<StoredRecord> find(RecordId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public Collection<StoredRecord> dependentsOf(RecordId parent) {
        return dependents.getOrDefault(parent, Set.of()).stream()
                .map(records::get)
                .toList();
    }

    @Override
    public Optional<RecordId> activeHolder(String type, String attribute, String canonicalValue) {
        return Optional.ofNullable(activeUnique.get(new Slot(type, attribute, canonicalValue)));
    }
}
