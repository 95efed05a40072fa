package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.WorkspaceId;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * MariaDB: ids as BINARY(16) (byte order is RecordId order), times as UTC DATETIME(6), generated
 * columns instead of partial indexes, and joins instead of IN-subqueries in UPDATE and DELETE
 * (before 11.1, MariaDB does not turn those into semi-joins, and would scan the table).
 */
final class MariaDbDialect extends Dialect {

    private static final int DUPLICATE_ENTRY = 1062;
    private static final int ROW_IS_REFERENCED = 1451;
    private static final int NO_REFERENCED_ROW = 1452;
    private static final int DATA_TOO_LONG = 1406;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    @Override
    String name() {
        return "mariadb";
    }

    @Override
    Optional<String> notDurable(Connection connection) throws SQLException {
        // 0 and 2 flush InnoDB's log about once a second instead of at each commit.
        String flush = queryOne(connection, "SELECT @@innodb_flush_log_at_trx_commit");
        return flush.equals("0") || flush.equals("2")
                ? Optional.of("MariaDB's innodb_flush_log_at_trx_commit is " + flush + ", not 1")
                : Optional.empty();
    }

    @Override
    void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BINARY);
        } else {
            statement.setBytes(
                    index,
                    ByteBuffer.allocate(16)
                            .putLong(value.getMostSignificantBits())
                            .putLong(value.getLeastSignificantBits())
                            .array());
        }
    }

    @Override
    UUID readUuid(ResultSet rows, String column) throws SQLException {
        byte[] bytes = rows.getBytes(column);
        if (bytes == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    @Override
    void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    Instant readInstant(ResultSet rows, String column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    IdempotentRequests idempotentRequests(TableRepositories repositories) {
        return repositories.mariaDbIdempotentRequests();
    }

    @Override
    String insertWorkspaceIfMissing() {
        return "INSERT IGNORE INTO workspaces (id) VALUES (?)";
    }

    @Override
    void beginWrite(Connection connection) throws SQLException {
        // Writes are serialised by the workspace lock; READ COMMITTED spares them InnoDB's gap locks,
        // which would make writers of neighbouring workspaces wait for (and deadlock with) each other.
        isolateNextTransaction(connection, "READ COMMITTED");
    }

    @Override
    void beginConsistentRead(Connection connection) throws SQLException {
        // Applies to the transaction about to start; its first read fixes the snapshot.
        isolateNextTransaction(connection, "REPEATABLE READ");
    }

    @Override
    Query updateOfOperation(
            String table,
            String memberColumn,
            Query set,
            String condition,
            WorkspaceId workspace,
            OperationId operation,
            List<String> types) {
        return Query.of(
                        "UPDATE operation_records o STRAIGHT_JOIN " + table
                                + " t ON t.workspace = o.workspace AND t.workspace = ? AND t." + memberColumn
                                + " = o.record_id SET ",
                        workspace)
                .add(set)
                .add(" WHERE ")
                .add(operationRows(workspace, operation, types))
                .add(condition.isEmpty() ? "" : " AND " + condition);
    }

    @Override
    Query deleteOfOperation(
            String table, String memberColumn, WorkspaceId workspace, OperationId operation, List<String> types) {
        return Query.of(
                        "DELETE t FROM operation_records o STRAIGHT_JOIN " + table
                                + " t ON t.workspace = o.workspace AND t.workspace = ? AND t." + memberColumn
                                + " = o.record_id WHERE ",
                        workspace)
                .add(operationRows(workspace, operation, types));
    }

    @Override
    Query upsertOperations(WorkspaceId workspace, Query operation, Query released) {
        // The rows as a derived table: ON DUPLICATE KEY UPDATE then names the target's columns alone.
        return Query.of("INSERT INTO operations (" + JdbcOperationLog.COLUMNS + ", still_archived) SELECT * FROM (")
                .add(operation)
                .add(" UNION ALL ")
                .add(released)
                .add(") s ON DUPLICATE KEY UPDATE still_archived = operations.still_archived + VALUES(still_archived)");
    }

    @Override
    Query holdingArchived(WorkspaceId workspace) {
        // holding_workspace is the workspace while the operation holds archived records (V9): its index serves this.
        return Query.of("workspace = ? AND holding_workspace = ?", workspace, workspace);
    }

    @Override
    String typeInState(ArchivedFilter state) {
        return switch (state) {
            case ACTIVE -> "active_type = ?";
            case ARCHIVED -> "archived_type = ?";
            case ANY -> "type = ?";
        };
    }

    @Override
    String deepRecursion(String sql) {
        // MariaDB stops a recursive query after 1000 rounds by default: a 10,000-deep chain needs more.
        return "SET STATEMENT max_recursive_iterations = 4294967295 FOR " + sql;
    }

    @Override
    CascadeQueries cascadeQueries(Sql sql) {
        return new RecursiveCascadeQueries(sql);
    }

    @Override
    boolean uniqueViolation(SQLException e) {
        return e.getErrorCode() == DUPLICATE_ENTRY;
    }

    @Override
    boolean foreignKeyViolation(SQLException e) {
        return e.getErrorCode() == ROW_IS_REFERENCED || e.getErrorCode() == NO_REFERENCED_ROW;
    }

    @Override
    boolean valueTooLong(SQLException e) {
        return e.getErrorCode() == DATA_TOO_LONG || super.valueTooLong(e);
    }

    @Override
    boolean retryable(SQLException e) {
        return e.getErrorCode() == DEADLOCK || e.getErrorCode() == LOCK_WAIT_TIMEOUT || "40001".equals(e.getSQLState());
    }

    @Override
    boolean lockTimeout(SQLException e) {
        return e.getErrorCode() == LOCK_WAIT_TIMEOUT;
    }
}
