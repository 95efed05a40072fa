package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.archivist.application.port.out.OperationLog;
import io.archivist.domain.Operation;
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
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;

/**
 * The operation log. Which records an operation touched lives on the records themselves (their
 * {@code operations} array, set by the cascade's own update) and, once purged, in the purged-records
 * collection, so remembering it costs no command of its own.
 */
public final class MongoOperationLog implements OperationLog {

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

    @Override
    public void save(Operation operation) {
        unitOfWork.inUnit(operation.workspace(), unit -> {
            Document counts = new Document();
            operation.countsPerType().forEach(counts::append);
            Document document = new Document(ID, operation.id().toString())
                    .append(WORKSPACE, operation.workspace().value())
                    .append("kind", operation.kind().name())
                    .append("actor", operation.actor())
                    .append("at", Date.from(operation.at()))
                    .append("roots", RecordDocuments.ids(operation.roots()))
                    .append("counts", counts)
                    .append(UNIT, unit.id);
            operations.replaceOne(
                    inWorkspace(operation.workspace(), operation.id().toString()),
                    document,
                    new ReplaceOptions().upsert(true));
            return null;
        });
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

    private static org.bson.conversions.Bson inWorkspace(WorkspaceId workspace, String id) {
        return Filters.and(Filters.eq(WORKSPACE, workspace.value()), Filters.eq(ID, id));
    }

    private static Operation operation(Document document) {
        Map<String, Long> counts = new TreeMap<>();
        document.get("counts", Document.class).forEach((type, n) -> counts.put(type, ((Number) n).longValue()));
        return new Operation(
                OperationId.of(UUID.fromString(document.getString(ID))),
                WorkspaceId.of(document.getString(WORKSPACE)),
                OperationKind.valueOf(document.getString("kind")),
                document.getString("actor"),
                document.getDate("at").toInstant(),
                document.getList("roots", String.class).stream()
                        .map(RecordDocuments::recordId)
                        .toList(),
                counts);
    }
}
