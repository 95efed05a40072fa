package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RecordFilter.ArchivedFilter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** PostgreSQL: partial indexes, one recursive statement per walk, READ COMMITTED writes serialised by the workspace lock. */
final class PostgresDialect extends Dialect {

    /** serialization_failure, deadlock_detected, lock_not_available. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "55P03");

    @Override
    String name() {
        return "postgresql";
    }

    @Override
    String insertWorkspaceIfMissing() {
        return "INSERT INTO workspaces (id) VALUES (?) ON CONFLICT DO NOTHING";
    }

    @Override
    void beginConsistentRead(Connection connection) throws SQLException {
        // The first statement of the transaction: its snapshot then serves every read of the unit.
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        }
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
    CascadeQueries cascadeQueries(Sql sql) {
        return new RecursiveCascadeQueries(sql);
    }

    @Override
    boolean retryable(SQLException e) {
        return RETRYABLE.contains(e.getSQLState());
    }
}
