package io.archivist.application.service.seed;

import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.application.port.out.seed.SeedItem.RecordEntry;
import io.archivist.domain.ObjectType;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second pass of an import: reads the seed again and writes what the {@link SeedPlan} found
 * new or changed, in batches (one store round trip per {@link #BATCH} records). Parents come before
 * their dependents in the seed, so each batch only names parents already written.
 */
final class SeedWriter {

    static final int BATCH = 1_000;

    private final RecordReads records;
    private final SeedBatches batches;
    private final SeedPlan plan;
    private final SeedIndex index;
    private final Instant now;
    private final String actor;
    private final List<RecordWithUniqueValues> inserts = new ArrayList<>();
    private final Map<RecordId, Map<String, Object>> updates = new HashMap<>();
    private long written;
    private long fingerprint;

    SeedWriter(RecordReads records, SeedBatches batches, SeedPlan plan, Instant now) {
        this.records = records;
        this.batches = batches;
        this.plan = plan;
        this.index = plan.index;
        this.now = now;
        this.actor = plan.caller.actor();
    }

    /** The archive operations, logged before the records that carry them. */
    void logOperations(OperationLog log) {
        plan.operations.toLog(plan.caller.workspace(), actor, index).forEach(log::save);
    }

    void accept(RecordEntry entry) {
        int record = index.find(entry.key());
        if (record != written) {
            throw changedWhileImported();
        }
        written++;
        fingerprint = fingerprint * 1_000_003 + SeedValidator.fingerprint(entry);
        switch (index.state(record)) {
            case NEW -> insert(record, entry);
            case CHANGED -> update(record, entry);
            case UNCHANGED -> {}
        }
    }

    /** Writes what is left in the batches, and checks that this pass read the seed the first one validated. */
    void finish() {
        flushInserts();
        flushUpdates();
        if (written != plan.records || fingerprint != plan.fingerprint) {
            throw changedWhileImported();
        }
    }

    private void insert(int record, RecordEntry entry) {
        ObjectType type = plan.type(record);
        List<RecordId> parents = new ArrayList<>(index.parentCount(record));
        for (int n = 0; n < index.parentCount(record); n++) {
            parents.add(RecordId.of(plan.parentId(index.parent(record, n))));
        }
        boolean archived = index.deletedAt(record) != SeedIndex.ACTIVE;
        Optional<Instant> deletedAt =
                archived ? Optional.of(Instant.ofEpochMilli(index.deletedAt(record))) : Optional.empty();
        Optional<OperationId> operation =
                archived ? Optional.of(plan.operations.id(index.op(record))) : Optional.empty();
        StoredRecord stored = new StoredRecord(
                RecordId.of(index.id(record)),
                plan.caller.workspace(),
                type.name(),
                Optional.of(entry.key()),
                entry.attributes(),
                parents,
                deletedAt,
                operation,
                1,
                now,
                now,
                actor,
                actor);
        // An archived record claims no unique value (R6: unique among active records).
        inserts.add(
                new RecordWithUniqueValues(stored, archived ? Map.of() : UniqueValues.of(type, entry.attributes())));
        if (inserts.size() == BATCH) {
            flushInserts();
        }
    }

    private void update(int record, RecordEntry entry) {
        updates.put(RecordId.of(index.id(record)), entry.attributes());
        if (updates.size() == BATCH) {
            flushUpdates();
        }
    }

    private void flushInserts() {
        if (!inserts.isEmpty()) {
            batches.insertAll(List.copyOf(inserts));
            inserts.clear();
        }
    }

    private void flushUpdates() {
        if (updates.isEmpty()) {
            return;
        }
        List<RecordWithUniqueValues> batch = new ArrayList<>(updates.size());
        for (StoredRecord current : records.findAll(plan.caller.workspace(), updates.keySet())) {
            Map<String, Object> attributes = updates.get(current.id());
            ObjectType type = plan.catalog().require(current.type());
            batch.add(new RecordWithUniqueValues(
                    current.withAttributes(attributes, actor, now), UniqueValues.of(type, attributes)));
        }
        if (batch.size() != updates.size()) {
            throw new IllegalStateException("records of the seed disappeared while it was imported");
        }
        batches.updateAll(batch);
        updates.clear();
    }

    private static IllegalStateException changedWhileImported() {
        return new IllegalStateException("the seed changed while it was imported; nothing was imported");
    }
}
