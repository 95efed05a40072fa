package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.RecordFields.*;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** The batch writes of seeds, and R6's re-index when a type's unique attributes change. */
public final class RecordBatches implements SeedBatches {

    private static final int WRITES_PER_BULK = 1000;

    private final MongoRecordStore store;
    private final MongoCollection<Document> records;
    private final MongoCollection<Document> operations;
    private final MongoUnitOfWork unitOfWork;
    private final Shadows shadows;
    private final Ancestry ancestry;

    RecordBatches(
            MongoRecordStore store,
            MongoCollection<Document> records,
            MongoCollection<Document> operations,
            MongoUnitOfWork unitOfWork,
            Shadows shadows,
            Ancestry ancestry) {
        this.store = store;
        this.records = records;
        this.operations = operations;
        this.unitOfWork = unitOfWork;
        this.shadows = shadows;
        this.ancestry = ancestry;
    }

    /**
     * One insertMany. A record's parents may be in the batch (in any order) or stored already. When the
     * batch is refused, the records it inserted before the refusal are removed again: nothing changes.
     */
    @Override
    public void insertAll(List<RecordWithUniqueValues> batch) {
        if (batch.isEmpty()) {
            return;
        }
        WorkspaceId workspace = sameWorkspace(batch);
        unitOfWork.inUnit(workspace, unit -> {
            Map<String, List<String>> ancestors = ancestorsOf(workspace, batch);
            List<Document> documents = new ArrayList<>(batch.size());
            for (RecordWithUniqueValues item : batch) {
                StoredRecord record = item.record();
                documents.add(RecordDocuments.toDocument(
                        record, item.uniqueValues(), ancestors.get(record.id().toString()), unit.id));
            }
            try {
                records.insertMany(documents, new InsertManyOptions().ordered(true));
            } catch (MongoBulkWriteException e) {
                int failed = e.getWriteErrors().get(0).getIndex();
                RecordWithUniqueValues refused = batch.get(failed);
                RuntimeException why = Duplicates.isDuplicate(e)
                        ? Duplicates.explain(store, refused.record(), refused.uniqueValues(), e)
                        : e;
                List<String> inserted = documents.subList(0, failed).stream()
                        .map(d -> d.getString(ID))
                        .toList();
                if (!inserted.isEmpty()) {
                    records.deleteMany(MongoRecordStore.in(workspace, Filters.in(ID, inserted)));
                }
                throw why;
            }
            holdMore(workspace, batch, unit);
            return null;
        });
    }

    /** The archive operations of the batch's archived records hold that many more (OperationLog); one command. */
    private void holdMore(WorkspaceId workspace, List<RecordWithUniqueValues> batch, Unit unit) {
        Map<String, Long> held = new LinkedHashMap<>();
        batch.stream()
                .map(RecordWithUniqueValues::record)
                .filter(StoredRecord::archived)
                .forEach(record ->
                        held.merge(record.archiveOperation().orElseThrow().toString(), 1L, Long::sum));
        if (held.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        held.forEach((archive, n) -> writes.addAll(MongoOperationLog.holdMore(workspace, archive, n, unit)));
        operations.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }

    /** Ancestors of every record of the batch, resolving parents inside the batch whatever their order. */
    private Map<String, List<String>> ancestorsOf(WorkspaceId workspace, List<RecordWithUniqueValues> batch) {
        Map<String, StoredRecord> inBatch = new LinkedHashMap<>();
        batch.forEach(item -> inBatch.put(item.record().id().toString(), item.record()));
        List<RecordId> outside = batch.stream()
                .flatMap(item -> item.record().parents().stream())
                .filter(parent -> !inBatch.containsKey(parent.toString()))
                .distinct()
                .toList();
        Map<String, List<String>> known = new HashMap<>(ancestry.known(workspace, outside));
        Map<String, List<String>> result = new HashMap<>();
        List<StoredRecord> pending = new ArrayList<>(inBatch.values());
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (var it = pending.iterator(); it.hasNext(); ) {
                StoredRecord record = it.next();
                boolean ready = record.parents().stream()
                        .allMatch(parent ->
                                known.containsKey(parent.toString()) || !inBatch.containsKey(parent.toString()));
                if (ready) {
                    List<String> mine = ancestry.combine(record.parents(), known);
                    known.put(record.id().toString(), mine);
                    result.put(record.id().toString(), mine);
                    it.remove();
                }
            }
            if (pending.size() == before) {
                throw ArchivistException.invalid("the parents of records "
                        + pending.stream().map(StoredRecord::id).toList() + " form a cycle");
            }
        }
        return result;
    }

    /**
     * Replaces the attributes of active records. Versions and unique values are checked before anything
     * is written, so that a refusal changes nothing; then one bulk write.
     */
    @Override
    public void updateAll(List<RecordWithUniqueValues> batch) {
        if (batch.isEmpty()) {
            return;
        }
        WorkspaceId workspace = sameWorkspace(batch);
        unitOfWork.inUnit(workspace, unit -> {
            List<String> ids =
                    batch.stream().map(item -> item.record().id().toString()).toList();
            Map<RecordId, StoredRecord> current = new HashMap<>();
            store.findAll(
                            workspace,
                            batch.stream().map(item -> item.record().id()).toList())
                    .forEach(record -> current.put(record.id(), record));
            Map<String, RecordId> claimed = new HashMap<>();
            for (RecordWithUniqueValues item : batch) {
                StoredRecord updated = item.record();
                StoredRecord before = current.get(updated.id());
                if (before == null || before.archived() || before.version() != updated.version() - 1) {
                    throw before == null ? ArchivistException.notFound(updated.id()) : store.whyNotUpdated(updated);
                }
                item.uniqueValues().forEach((attribute, value) -> {
                    String claim = Claims.of(workspace, updated.type(), attribute, value);
                    RecordId other = claimed.putIfAbsent(claim, updated.id());
                    if (other != null) {
                        throw new UniqueConflict(updated.id(), updated.type(), attribute, other).toException();
                    }
                });
            }
            records.find(MongoRecordStore.in(
                            workspace, Filters.and(Filters.in(CLAIMS, claimed.keySet()), Filters.nin(ID, ids))))
                    .projection(Projections.include(ID, TYPE, CLAIMS))
                    .forEach(holder -> holder.getList(CLAIMS, String.class).stream()
                            .filter(claimed::containsKey)
                            .findFirst()
                            .ifPresent(claim -> {
                                throw new UniqueConflict(
                                                claimed.get(claim),
                                                holder.getString(TYPE),
                                                Claims.attributeOf(claim),
                                                RecordDocuments.recordId(holder.getString(ID)))
                                        .toException();
                            }));
            shadows.take(unit, MongoSchema.RECORDS, Filters.in(ID, ids));
            List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
            for (RecordWithUniqueValues item : batch) {
                StoredRecord updated = item.record();
                writes.add(new UpdateOneModel<>(
                        MongoRecordStore.in(
                                workspace, Filters.eq(ID, updated.id().toString())),
                        MongoRecordStore.updateOf(updated, item.uniqueValues(), unit)));
            }
            records.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            return null;
        });
    }

    /**
     * R6: recomputes the claims of every record of {@code type}. Two active records that would share a
     * value are refused before anything is written.
     */
    void reindexUnique(WorkspaceId workspace, ObjectType type) {
        unitOfWork.inUnit(workspace, unit -> {
            Map<String, String> holders = new HashMap<>();
            List<WriteModel<Document>> writes = new ArrayList<>();
            records.find(MongoRecordStore.in(workspace, Filters.eq(TYPE, type.name())))
                    .projection(Projections.include(ID, ATTRIBUTES, ARCHIVED))
                    .forEach(document -> {
                        RecordId id = RecordDocuments.recordId(document.getString(ID));
                        Map<String, String> values =
                                UniqueValues.of(type, AttributeCodec.decode(document.get(ATTRIBUTES, Document.class)));
                        boolean archived = document.getBoolean(ARCHIVED);
                        if (!archived) {
                            values.forEach((attribute, value) -> {
                                String other = holders.putIfAbsent(Claims.pair(attribute, value), id.toString());
                                if (other != null) {
                                    throw new UniqueConflict(
                                                    id, type.name(), attribute, RecordDocuments.recordId(other))
                                            .toException();
                                }
                            });
                        }
                        writes.add(new UpdateOneModel<>(
                                MongoRecordStore.in(workspace, Filters.eq(ID, id.toString())),
                                Updates.combine(
                                        Updates.set(
                                                archived ? IDLE_CLAIMS : CLAIMS,
                                                Claims.all(workspace, type.name(), id, values)),
                                        Updates.set(UNIT, unit.id))));
                    });
            if (writes.isEmpty()) {
                return null;
            }
            shadows.take(unit, MongoSchema.RECORDS, Filters.eq(TYPE, type.name()));
            for (int from = 0; from < writes.size(); from += WRITES_PER_BULK) {
                records.bulkWrite(
                        writes.subList(from, Math.min(writes.size(), from + WRITES_PER_BULK)),
                        new BulkWriteOptions().ordered(true));
            }
            return null;
        });
    }

    private static WorkspaceId sameWorkspace(List<RecordWithUniqueValues> batch) {
        WorkspaceId workspace = batch.get(0).record().workspace();
        if (batch.stream().anyMatch(item -> !item.record().workspace().equals(workspace))) {
            throw new ArchivistException(ErrorCode.VALIDATION_FAILED, "a batch holds records of one workspace");
        }
        return workspace;
    }
}
