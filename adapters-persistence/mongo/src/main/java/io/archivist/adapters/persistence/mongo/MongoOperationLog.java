package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.archivist.application.port.out.OperationLog;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The operation log. Which records an operation touched lives on the records themselves (their
 * {@code operations} array, set by the cascade's own update) and, once purged, in the purged-records
 * collection, so remembering it costs no command of its own.
 */
public final class MongoOperationLog implements OperationLog {

    static final String KIND = "kind";
    static final String ACTOR = "actor";
    /** How many records an archive operation still holds archived (OperationLog). */
    static final String STILL_ARCHIVED = "stillArchived";
    /** Whether it holds any: what the index of restorable operations is on. */
    static final String HOLDING = "holding";
    /** The last unit that changed its count, so that a rollback of that unit counts it again. */
    static final String COUNTED_IN = "countedIn";

    private final MongoCollection<Document> operations;
    private final MongoCollection<Document> records;
    private final MongoCollection<Document> purged;
    private final MongoUnitOfWork unitOfWork;

    MongoOperationLog(
            MongoCollection<Document> operations,
            MongoCollection<Document> records,
            MongoCollection<Document> purged,
            MongoUnitOfWork unitOfWork) {
        this.operations = operations;
        this.records = records;
        this.purged = purged;
        this.unitOfWork = unitOfWork;
    }

    /**
     * The operation's document, and in the same command (one ordered bulk of updates) what the unit's
     * cascades changed in the records archive operations hold (see OperationLog): an archive starts at the
     * records it archived, a restore or a purge takes its records off the operations that held them, whose
     * {@code holding} flag (indexed) then follows their count. Those operations are marked with the unit, so
     * that a rollback counts them again from the records it put back ({@link #recount}).
     */
    @Override
    public void save(Operation operation) {
        unitOfWork.inUnit(operation.workspace(), unit -> {
            String id = operation.id().toString();
            Map<String, Long> held = unit.takeHeld();
            long own = held.getOrDefault(id, 0L);
            held.remove(id);
            Document counts = new Document();
            operation.countsPerType().asMap().forEach(counts::append);
            Document document = new Document(ID, id)
                    .append(WORKSPACE, operation.workspace().value())
                    .append(KIND, operation.kind().name())
                    .append(ACTOR, operation.actor())
                    .append("at", Date.from(operation.at()))
                    .append("roots", RecordDocuments.ids(operation.roots()))
                    .append("counts", counts)
                    .append(STILL_ARCHIVED, own)
                    .append(HOLDING, own > 0)
                    .append(UNIT, unit.id);
            List<WriteModel<Document>> writes = new ArrayList<>();
            writes.add(new ReplaceOneModel<>(
                    inWorkspace(operation.workspace(), id), document, new ReplaceOptions().upsert(true)));
            held.forEach((archive, change) -> writes.addAll(holdMore(operation.workspace(), archive, change, unit)));
            operations.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            return null;
        });
    }

    /**
     * Updates that add {@code change} to what archive operation {@code archive} holds, and keep its
     * {@code holding} flag right: the second sees the first's result, as they run in order.
     */
    static List<WriteModel<Document>> holdMore(WorkspaceId workspace, String archive, long change, Unit unit) {
        Bson operation = inWorkspace(workspace, archive);
        return List.of(
                new UpdateOneModel<>(
                        operation,
                        Updates.combine(Updates.inc(STILL_ARCHIVED, change), Updates.set(COUNTED_IN, unit.id))),
                new UpdateOneModel<>(
                        Filters.and(operation, Filters.gt(STILL_ARCHIVED, 0L)), Updates.set(HOLDING, true)),
                new UpdateOneModel<>(
                        Filters.and(operation, Filters.lte(STILL_ARCHIVED, 0L)), Updates.set(HOLDING, false)));
    }

    /**
     * After a rollback of unit {@code unitId} (its records put back): the operations whose counts it
     * changed are counted again from the records that carry them, in one aggregation and one bulk.
     */
    static void recount(
            MongoCollection<Document> operations, MongoCollection<Document> records, String workspace, String unitId) {
        List<String> touched = new ArrayList<>();
        operations
                .find(Filters.and(Filters.eq(WORKSPACE, workspace), Filters.eq(COUNTED_IN, unitId)))
                .projection(Projections.include(ID))
                .forEach(document -> touched.add(document.getString(ID)));
        if (touched.isEmpty()) {
            return;
        }
        Map<String, Long> held = new java.util.HashMap<>();
        touched.forEach(id -> held.put(id, 0L));
        records.aggregate(List.of(
                        Aggregates.match(Filters.and(
                                Filters.eq(WORKSPACE, workspace), Filters.in(RecordFields.ARCHIVE_OPERATION, touched))),
                        Aggregates.group("$" + RecordFields.ARCHIVE_OPERATION, Accumulators.sum("n", 1))))
                .forEach(row ->
                        held.put(row.getString(ID), row.get("n", Number.class).longValue()));
        operations.bulkWrite(held.entrySet().stream()
                .map(entry -> (WriteModel<Document>) new UpdateOneModel<Document>(
                        Filters.and(Filters.eq(WORKSPACE, workspace), Filters.eq(ID, entry.getKey())),
                        Updates.combine(
                                Updates.set(STILL_ARCHIVED, entry.getValue()),
                                Updates.set(HOLDING, entry.getValue() > 0),
                                Updates.unset(COUNTED_IN))))
                .toList());
    }

    /** Read through the unit of work, so that the operation of a unit under way is not seen before it ends. */
    @Override
    public Optional<Operation> find(WorkspaceId workspace, OperationId id) {
        return unitOfWork.read(
                workspace,
                () -> Optional.ofNullable(operations
                                .find(inWorkspace(workspace, id.toString()))
                                .first())
                        .map(MongoOperationLog::operation));
    }

    @Override
    public List<Operation> history(WorkspaceId workspace, RecordId record) {
        Set<String> ids = new LinkedHashSet<>();
        Document live = records.find(MongoRecordStore.in(workspace, Filters.eq(ID, record.toString())))
                .projection(Projections.include(RecordFields.OPERATIONS))
                .first();
        if (live != null) {
            ids.addAll(live.getList(RecordFields.OPERATIONS, String.class, List.of()));
        } else {
            Document gone = purged.find(MongoRecordStore.in(workspace, Filters.eq(ID, record.toString())))
                    .first();
            if (gone != null) {
                ids.addAll(gone.getList(RecordFields.OPERATIONS, String.class, List.of()));
                ids.add(gone.getString("purgeOperation"));
            }
        }
        List<Operation> history = new ArrayList<>();
        if (!ids.isEmpty()) {
            operations
                    .find(Filters.and(Filters.eq(WORKSPACE, workspace.value()), Filters.in(ID, ids)))
                    .sort(Sorts.ascending("at", ID))
                    .forEach(document -> history.add(operation(document)));
        }
        return history;
    }

    /**
     * One query on the index of the filter (MongoSchema): the workspace's ids for the whole log, the kind's,
     * the actor's or the actor's and kind's, and the holding flag's for the archive operations that still
     * hold archived records. Read through the unit of work, as {@link #find} is.
     */
    @Override
    public List<Logged> page(WorkspaceId workspace, OperationFilter filter, Optional<OperationId> before, int limit) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(Filters.eq(WORKSPACE, workspace.value()));
        if (filter.restorable()) {
            conditions.add(Filters.eq(HOLDING, true));
        } else {
            filter.kind().ifPresent(kind -> conditions.add(Filters.eq(KIND, kind.name())));
        }
        filter.actor().ifPresent(actor -> conditions.add(Filters.eq(ACTOR, actor)));
        // Ids are canonical lower-case UUID text: their string order is the unsigned order of the ids.
        before.ifPresent(id -> conditions.add(Filters.lt(ID, id.toString())));
        return unitOfWork.read(workspace, () -> {
            List<Logged> page = new ArrayList<>();
            operations
                    .find(Filters.and(conditions))
                    .sort(Sorts.descending(ID))
                    .limit(limit)
                    .forEach(document -> page.add(new Logged(
                            operation(document),
                            Optional.ofNullable(document.get(STILL_ARCHIVED, Number.class))
                                    .map(Number::longValue)
                                    .orElse(0L))));
            return page;
        });
    }

    /**
     * Operations logged before the log kept counts have none: each is counted once from the records that
     * carry it, and every other gets 0. At start-up, and only while some operation lacks its count.
     */
    static void countOperationsLoggedBefore(MongoCollection<Document> operations, MongoCollection<Document> records) {
        // Both fields are always written together; the flag leads an index, so this asks it, not the collection.
        Bson uncounted = Filters.exists(HOLDING, false);
        if (operations.find(uncounted).first() == null) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        records.aggregate(List.of(
                        Aggregates.match(Filters.eq(RecordFields.ARCHIVED, true)),
                        Aggregates.group(
                                new Document(WORKSPACE, "$" + WORKSPACE)
                                        .append(ID, "$" + RecordFields.ARCHIVE_OPERATION),
                                Accumulators.sum("n", 1))))
                .forEach(row -> {
                    Document of = row.get(ID, Document.class);
                    long n = row.get("n", Number.class).longValue();
                    writes.add(new UpdateOneModel<>(
                            Filters.and(
                                    Filters.eq(WORKSPACE, of.getString(WORKSPACE)),
                                    Filters.eq(ID, of.getString(ID)),
                                    uncounted),
                            Updates.combine(Updates.set(STILL_ARCHIVED, n), Updates.set(HOLDING, n > 0))));
                });
        if (!writes.isEmpty()) {
            operations.bulkWrite(writes);
        }
        operations.updateMany(uncounted, Updates.combine(Updates.set(STILL_ARCHIVED, 0L), Updates.set(HOLDING, false)));
    }

    static Bson inWorkspace(WorkspaceId workspace, String id) {
        return Filters.and(Filters.eq(WORKSPACE, workspace.value()), Filters.eq(ID, id));
    }

    private static Operation operation(Document document) {
        CountsPerType.Builder counts = CountsPerType.builder();
        document.get("counts", Document.class).forEach((type, n) -> counts.add(type, ((Number) n).longValue()));
        return new Operation(
                OperationId.of(UUID.fromString(document.getString(ID))),
                WorkspaceId.of(document.getString(WORKSPACE)),
                OperationKind.valueOf(document.getString(KIND)),
                document.getString(ACTOR),
                document.getDate("at").toInstant(),
                document.getList("roots", String.class).stream()
                        .map(RecordDocuments::recordId)
                        .toList(),
                counts.build());
    }
}
