package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RecordFilter.ArchivedFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.WorkspaceId;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Set;

/** PostgreSQL: partial indexes, one recursive statement per walk, READ COMMITTED writes serialised by the workspace lock. */
final class PostgresDialect extends Dialect {

    /** serialization_failure, deadlock_detected, lock_not_available. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "55P03");
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is going away or not back yet. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    @Override
    String name() {
        return "postgresql";
    }

    @Override
    Optional<String> notDurable(Connection connection) throws SQLException {
        // 'local', 'remote_write', 'on' and 'remote_apply' all wait for this server's WAL flush.
        if (queryOne(connection, "SELECT current_setting('fsync')").equals("off")) {
            return Optional.of("PostgreSQL runs with fsync = off");
        }
        return queryOne(connection, "SELECT current_setting('synchronous_commit')").equals("off")
                ? Optional.of("PostgreSQL's synchronous_commit is off for the store's connections")
                : Optional.empty();
    }

    @Override
    String insertWorkspaceIfMissing() {
        return "INSERT INTO workspaces (id) VALUES (?) ON CONFLICT DO NOTHING";
    }

    @Override
    void beginConsistentRead(Connection connection) throws SQLException {
        // The first statement of the transaction: its snapshot then serves every read of the unit.
        isolateNextTransaction(connection, "REPEATABLE READ");
    }

    @Override
    Query updateOfOperation(String table, String memberColumn, Query set, String condition,
                            WorkspaceId workspace, OperationId operation, List<String> types) {
        return Query.of("UPDATE " + table + " t SET ").add(set)
                .add(" FROM operation_records o WHERE ").add(operationRows(workspace, operation, types))
                .add(" AND t.workspace = o.workspace AND t." + memberColumn + " = o.record_id")
                .add(condition.isEmpty() ? "" : " AND t." + condition);
    }

    @Override
    Query deleteOfOperation(String table, String memberColumn, WorkspaceId workspace, OperationId operation,
                            List<String> types) {
        return Query.of("DELETE FROM " + table + " t USING operation_records o WHERE ")
                .add(operationRows(workspace, operation, types))
                .add(" AND t.workspace = o.workspace AND t." + memberColumn + " = o.record_id");
    }

    @Override
    String typeInState(ArchivedFilter state) {
        // Written like the partial indexes' predicates, so that the planner picks them.
        return switch (state) {
            case ACTIVE -> "type = ? AND deleted_at IS NULL";
            case ARCHIVED -> "type = ? AND deleted_at IS NOT NULL";
            case ANY -> "type = ?";
        };
    }

    @Override
    String sameOperation(String column) {
        // Not an indexable operator: the join reaches the record by its key, then checks this.
        return column + " IS NOT DISTINCT FROM ?";
    }

    @Override
    String optimizationFence() {
        // PostgreSQL never turns an EXISTS whose subquery has an OFFSET into a join: it stays a
        // lookup by key for each row, whatever the statistics say about the run's size.
        return " OFFSET 0";
    }

    @Override
    CascadeQueries cascadeQueries(Sql sql) {
        return new RecursiveCascadeQueries(sql);
    }

    @Override
    String lockWorkspaceWithin(Duration wait) {
        // No WAIT clause in PostgreSQL: the lock timeout holds until the transaction ends (SET LOCAL), and goes
        // with the lock in one round trip (the statement's first result is the SET's, which Sql.list skips).
        return "SET LOCAL lock_timeout = " + Math.max(1, wait.toMillis()) + "; " + LOCK_WORKSPACE;
    }

    @Override
    boolean retryable(SQLException e) {
        return e.getSQLState() != null && RETRYABLE.contains(e.getSQLState());
    }

    @Override
    boolean lockTimeout(SQLException e) {
        return LOCK_NOT_AVAILABLE.equals(e.getSQLState());
    }

    @Override
    boolean connectionLost(SQLException e) {
        return e.getSQLState() != null && SERVER_GOING_AWAY.contains(e.getSQLState());
    }
}
