package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.Catalog;
import io.archivist.domain.RecordGraph;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's records read into memory, as the reference CascadePlanner reads a graph. */
final class SnapshotGraph implements RecordGraph {

    private final Map<RecordId, StoredRecord> records = new LinkedHashMap<>();
    private final Catalog catalog;

    SnapshotGraph(List<StoredRecord> records, Catalog catalog) {
        records.forEach(r -> this.records.put(r.id(), r));
        this.catalog = catalog;
    }

    Map<RecordId, StoredRecord> records() {
        return records;
    }

    @Override
    public Optional<StoredRecord> find(RecordId id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public Collection<StoredRecord> dependentsOf(RecordId parent) {
        return records.values().stream()
                .filter(r -> r.parents().contains(parent))
                .toList();
    }

    @Override
    public Optional<RecordId> activeHolder(String type, String attribute, String canonicalValue) {
        return records.values().stream()
                .filter(r -> !r.archived() && r.type().equals(type))
                .filter(r -> canonicalValue.equals(
                        UniqueValues.of(catalog.require(type), r.attributes()).get(attribute)))
                .map(StoredRecord::id)
                .findFirst();
    }

    /** I1 and I2 as R8 states them. */
    void requireInvariants() {
        for (StoredRecord record : records.values()) {
            if (record.archived() != record.archiveOperation().isPresent()) {
                throw new AssertionError("I2: " + record.id() + " archived without exactly one operation");
            }
            if (!record.archived()) {
                for (RecordId parent : record.parents()) {
                    StoredRecord p = records.get(parent);
                    if (p == null || p.archived()) {
                        throw new AssertionError(
                                "I1: active " + record.id() + " has archived or missing parent " + parent);
                    }
                }
            }
        }
    }
}
