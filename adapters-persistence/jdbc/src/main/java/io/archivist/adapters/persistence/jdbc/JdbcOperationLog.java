package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.OperationLog;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Operations, kept after their records are gone. Which records each touched is in
 * operation_records, written by the cascades themselves (JdbcCascades) in the same transaction.
 */
final class JdbcOperationLog implements OperationLog {

    private static final String COLUMNS = "workspace, id, kind, actor, happened_at, root_ids, counts";

    private final JdbcDatabase db;

    JdbcOperationLog(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public void save(Operation operation) {
        db.transactions.statements(c -> db.sql.update(
                c,
                "INSERT INTO operations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                operation.workspace(),
                operation.id(),
                operation.kind().name(),
                operation.actor(),
                operation.at(),
                Json.write(operation.roots().stream().map(RecordId::toString).toList()),
                Json.write(operation.countsPerType())));
    }

    @Override
    public Optional<Operation> find(WorkspaceId workspace, OperationId id) {
        return db.transactions.statements(c -> db.sql.first(
                c,
                "SELECT " + COLUMNS + " FROM operations WHERE workspace = ? AND id = ?",
                this::operation,
                workspace,
                id));
    }

    @Override
    public List<Operation> history(WorkspaceId workspace, RecordId record) {
        return db.transactions.statements(c -> db.sql.list(
                c,
                "SELECT " + COLUMNS + " FROM operations"
                        + " WHERE workspace = ? AND id IN (SELECT operation_id FROM operation_records"
                        + " WHERE workspace = ? AND record_id = ?) ORDER BY happened_at, id",
                this::operation,
                workspace,
                workspace,
                record));
    }

    private Operation operation(ResultSet rows) throws SQLException {
        return new Operation(
                OperationId.of(db.sql.uuid(rows, "id")),
                WorkspaceId.of(rows.getString("workspace")),
                OperationKind.valueOf(rows.getString("kind")),
                rows.getString("actor"),
                db.sql.instant(rows, "happened_at"),
                Json.strings(rows.getString("root_ids")).stream()
                        .map(text -> RecordId.of(UUID.fromString(text)))
                        .toList(),
                Json.counts(rows.getString("counts")));
    }
}
