package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RecordFilter.ArchivedFilter;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2 in its native mode: generated columns instead of partial indexes, and level-by-level walks
 * instead of recursive queries (H2's recursive UNION keeps rows reached twice, so a graph with
 * many paths to a record would blow up).
 */
final class H2Dialect extends Dialect {

    /** org.h2.engine.Constants.TRANSACTION_SNAPSHOT: reads see the database as the transaction began. */
    private static final int SNAPSHOT = 6;
    private static final int LOCK_TIMEOUT = 50200;
    private static final int DEADLOCK = 40001;

    @Override
    String name() {
        return "h2";
    }

    @Override
    String insertWorkspaceIfMissing() {
        return "MERGE INTO workspaces (id) KEY (id) VALUES (?)";
    }

    @Override
    void beginConsistentRead(Connection connection) throws SQLException {
        connection.setTransactionIsolation(SNAPSHOT);
    }

    @Override
    void endConsistentRead(Connection connection) throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
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
    String sameOperation(String column) {
        return column + " IS NOT DISTINCT FROM ?";
    }

    @Override
    CascadeQueries cascadeQueries(Sql sql) {
        return new LevelCascadeQueries(sql);
    }

    @Override
    boolean foreignKeyViolation(SQLException e) {
        // 23503: a row is still referenced; 23506: the referenced row is missing.
        return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
    }

    @Override
    boolean retryable(SQLException e) {
        return e.getErrorCode() == DEADLOCK || e.getErrorCode() == LOCK_TIMEOUT || "40001".equals(e.getSQLState());
    }
}
