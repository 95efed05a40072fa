package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordReads;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Operations, kept after their records are gone. An operation and the history of a record are read through
 * the operations table's repository ({@link OperationRows}); logging an operation and the pages of the log
 * are statements of their own (one differs per database, the other has the filters it is asked for). Which records each touched is in
 * operation_records, written by the cascades themselves (JdbcCascades) in the same transaction,
 * each row with the archive operation that held the record before ({@code archived_by}).
 * <p>
 * {@code still_archived} counts the records an archive operation still holds (see OperationLog). The
 * statement that logs an operation keeps it, so that it costs no statement of its own: an archive starts
 * at its rows of operation_records (the records its cascade archived; a seed's operation, logged before
 * its records, at none), and a restore or a purge takes its rows off the operations that held them, by
 * an upsert of those operations' rows (RESTORE and PURGE, {@link Dialect#upsertOperations}).
 */
final class JdbcOperationLog implements OperationLog {

    static final String COLUMNS = "workspace, id, kind, actor, happened_at, root_ids, counts";

    private final JdbcDatabase db;

    JdbcOperationLog(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Operation operation) {
        Object[] values = {
            operation.workspace(),
            operation.id(),
            operation.kind().name(),
            operation.actor(),
            operation.at(),
            Json.write(operation.roots().stream().map(RecordId::toString).toList()),
            Json.write(operation.countsPerType())
        };
        Query statement = operation.kind() == OperationKind.ARCHIVE
                // INSERT ... SELECT, not a subquery among VALUES: Citus refuses subqueries in an INSERT
                // ("subqueries are not supported within INSERT queries"), and runs this one on the
                // workspace's worker (docs/citus.md).
                ? Query.of(
                                "INSERT INTO operations (" + COLUMNS + ", still_archived) " + db.dialect.operationRow(),
                                values)
                        .add(
                                ", COUNT(*) AS still_archived FROM operation_records WHERE workspace = ? AND operation_id = ?",
                                operation.workspace(),
                                operation.id())
                : db.dialect.upsertOperations(
                        operation.workspace(),
                        Query.of(db.dialect.operationRow() + ", 0 AS still_archived", values),
                        released(operation.workspace(), operation.id()));
        db.transactions.statements(c -> db.sql.update(c, statement));
    }

    /**
     * The rows of the operations that held records {@code operation} restored or removed, each with minus
     * the number of them as still_archived (and its other columns as they are, which the upsert keeps).
     */
    private static Query released(WorkspaceId workspace, OperationId operation) {
        return Query.of(
                "SELECT a.workspace, a.id, a.kind, a.actor, a.happened_at, a.root_ids, a.counts,"
                        + " -g.n AS still_archived FROM (SELECT workspace, archived_by, COUNT(*) AS n"
                        + " FROM operation_records WHERE workspace = ? AND operation_id = ? AND archived_by IS NOT NULL"
                        + " GROUP BY workspace, archived_by) g"
                        + " JOIN operations a ON a.workspace = g.workspace AND a.id = g.archived_by WHERE a.workspace = ?",
                workspace,
                operation,
                workspace);
    }

    @Override
    public Optional<Operation> find(WorkspaceId workspace, OperationId id) {
        return db.transactions.statements(c -> db.sql.repository(() -> db.operationRows.operation(workspace, id)));
    }

    @Override
    public List<Operation> history(WorkspaceId workspace, RecordId record) {
        return db.transactions.statements(c -> db.sql.repository(() -> db.operationRows.history(workspace, record)));
    }

    /**
     * One statement on the index of the filter (see V9): the primary key for the whole log, the kind's, the
     * actor's or the actor's and kind's, and for restorable operations an index of only those that hold
     * archived records (every one of them an archive, so the kind adds nothing there).
     */
    @Override
    public List<Logged> page(WorkspaceId workspace, OperationFilter filter, Optional<OperationId> before, int limit) {
        Query query = pageQuery(workspace, filter, before).add(" ORDER BY id DESC LIMIT ?", limit);
        return db.transactions.statements(c -> db.sql.list(c, query, this::logged));
    }

    /** The operations of a page, in no order yet and not limited. */
    private Query pageQuery(WorkspaceId workspace, OperationFilter filter, Optional<OperationId> before) {
        Query query = Query.of("SELECT " + COLUMNS + ", still_archived FROM operations WHERE ");
        if (filter.restorable()) {
            query.add(db.dialect.holdingArchived(workspace));
        } else {
            query.add("workspace = ?", workspace);
            filter.kind().ifPresent(kind -> query.add(" AND kind = ?", kind.name()));
        }
        filter.actor().ifPresent(actor -> query.add(" AND actor = ?", actor));
        before.ifPresent(id -> query.add(" AND id < ?", id));
        return query;
    }

    /**
     * One statement where the database lists a JSON array's elements (PostgreSQL, {@link Dialect#holdingPage}):
     * the page of {@link #page}, each operation joined to the roots it still holds, and the catalog's version
     * along; elsewhere the page and then its roots, as the port does it.
     */
    @Override
    public HoldingPage holdingPage(
            WorkspaceId workspace,
            OperationFilter filter,
            Optional<OperationId> before,
            int limit,
            int namedRoots,
            RecordReads records) {
        if (!db.dialect.readsHoldingPageInOneStatement()) {
            return OperationLog.super.holdingPage(workspace, filter, before, limit, namedRoots, records);
        }
        // The limit is written into the statement, not bound: PostgreSQL then plans it once for each limit a
        // client asks for. Bound, it guessed the page at a tenth of the operations that hold records, planned
        // every request again (the plan for that guess cost more), and the planning was a tenth of the request.
        Query query = db.dialect.holdingPage(
                workspace, pageQuery(workspace, filter, before).add(" ORDER BY id DESC LIMIT " + limit), namedRoots);
        Sql.Row<StoredRecord> root = RecordRows.mapper(db.sql, Dialect.ROOT);
        return db.transactions.statements(c -> {
            // One row per root held, or one with no root for an operation that names none.
            Map<UUID, Logged> operations = new LinkedHashMap<>();
            Map<UUID, List<StoredRecord>> roots = new HashMap<>();
            long[] catalogVersion = {CatalogStore.NEVER_CHANGED};
            db.sql.list(c, query, rows -> {
                UUID id = db.sql.uuid(rows, "id");
                if (!operations.containsKey(id)) {
                    operations.put(id, logged(rows));
                    roots.put(id, new ArrayList<>());
                    catalogVersion[0] = rows.getLong("catalog_version"); // no workspace row: never changed (0)
                }
                if (db.sql.uuid(rows, Dialect.ROOT + "id") != null) {
                    roots.get(id).add(root.map(rows));
                }
                return id;
            });
            return new HoldingPage(
                    operations.entrySet().stream()
                            .map(each -> new Holding(each.getValue(), roots.get(each.getKey())))
                            .toList(),
                    operations.isEmpty() ? OptionalLong.empty() : OptionalLong.of(catalogVersion[0]));
        });
    }

    @Override
    public boolean readsHoldingPageInOneStatement() {
        return db.dialect.readsHoldingPageInOneStatement();
    }

    private Logged logged(ResultSet rows) throws SQLException {
        return new Logged(operation(rows), rows.getLong("still_archived"));
    }

    private Operation operation(ResultSet rows) throws SQLException {
        return operation(
                rows.getString("workspace"),
                db.sql.uuid(rows, "id"),
                rows.getString("kind"),
                rows.getString("actor"),
                db.sql.instant(rows, "happened_at"),
                rows.getString("root_ids"),
                rows.getString("counts"));
    }

    /** An operation from the columns of its row ({@link #COLUMNS}), however the database gave them. */
    static Operation operation(
            String workspace, UUID id, String kind, String actor, Instant at, String rootIds, String counts) {
        return new Operation(
                OperationId.of(id),
                WorkspaceId.of(workspace),
                OperationKind.valueOf(kind),
                actor,
                at,
                Json.strings(rootIds).stream()
                        .map(text -> RecordId.of(UUID.fromString(text)))
                        .toList(),
                Json.counts(counts));
    }
}
