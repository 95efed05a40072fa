package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /** The database was closed, or is being closed with the JVM. */
    private static final int DATABASE_IS_CLOSED = 90098;

    private static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;
    private static final int ADMIN_RIGHTS_REQUIRED = 90040;
    private static final Logger LOG = LoggerFactory.getLogger(H2Dialect.class);

    /** Cleared when the database's user may not force its file to the disk (not the embedded default's). */
    private volatile boolean syncs = true;

    @Override
    String name() {
        return "h2";
    }

    @Override
    Optional<String> notDurable(Connection connection) throws SQLException {
        String delay = queryOne(
                connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
        return "0".equals(delay)
                ? Optional.empty()
                : Optional.of("H2 writes a commit to its file up to " + delay
                        + " ms after acknowledging it; add ;WRITE_DELAY=0 to the database URL");
    }

    /**
     * With WRITE_DELAY=0 a commit is in H2's file when commit() returns, so a killed process loses
     * nothing; but H2 forces the file to the disk (fsync) only when it closes, so a machine's crash
     * could. CHECKPOINT SYNC forces it. The change is committed whatever happens here, so a failure is
     * logged, never thrown: the client must not be told that a committed change failed.
     */
    @Override
    void afterCommit(Connection connection) {
        if (!syncs) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            if (e.getErrorCode() == ADMIN_RIGHTS_REQUIRED) {
                syncs = false;
                LOG.warn("the H2 database's user is no admin, so commits are not forced to the disk: a machine's"
                        + " crash may lose acknowledged writes (R15)");
            } else {
                LOG.error("could not force a commit to the disk", e);
            }
        }
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

    /** H2 needs the type of a parameter in a select list. */
    @Override
    String operationRow() {
        return "SELECT CAST(? AS VARCHAR(128)) AS workspace, CAST(? AS UUID) AS id, CAST(? AS VARCHAR(16)) AS kind,"
                + " CAST(? AS VARCHAR(255)) AS actor, CAST(? AS TIMESTAMP(6) WITH TIME ZONE) AS happened_at,"
                + " CAST(? AS CHARACTER LARGE OBJECT) AS root_ids, CAST(? AS CHARACTER LARGE OBJECT) AS counts";
    }

    @Override
    Query upsertOperations(WorkspaceId workspace, Query operation, Query released) {
        return Query.of("MERGE INTO operations t USING (")
                .add(operation)
                .add(" UNION ALL ")
                .add(released)
                .add(
                        ") s ON (t.workspace = ? AND t.workspace = s.workspace AND t.id = s.id)"
                                + " WHEN MATCHED THEN UPDATE SET still_archived = t.still_archived + s.still_archived"
                                + " WHEN NOT MATCHED THEN INSERT (" + JdbcOperationLog.COLUMNS + ", still_archived)"
                                + " VALUES (s.workspace, s.id, s.kind, s.actor, s.happened_at, s.root_ids, s.counts,"
                                + " s.still_archived)",
                        workspace);
    }

    /*
     * MERGE, where the other databases have "IN (SELECT …)". H2 checks such a condition row by row. While
     * another workspace kept committing small archives (operation_records, cascade_walk), a thread dump
     * showed it running the subquery again for each record: an archive of 20,000 records did not end in
     * three minutes, where it takes three seconds alone (P8 on the embedded store, BENCHMARKS.md). As far as
     * we can tell, H2 keeps a subquery's rows only while no one commits to the tables it reads. MERGE reads
     * the set once and finds each record by its key.
     */
    @Override
    Query updateOfOperation(
            String table,
            String memberColumn,
            Query set,
            String condition,
            WorkspaceId workspace,
            OperationId operation,
            List<String> types) {
        return matchedOfOperation(table, memberColumn, workspace, operation, types)
                .add(condition.isEmpty() ? "" : " AND " + condition)
                .add(" THEN UPDATE SET ")
                .add(set);
    }

    @Override
    Query deleteOfOperation(
            String table, String memberColumn, WorkspaceId workspace, OperationId operation, List<String> types) {
        return matchedOfOperation(table, memberColumn, workspace, operation, types)
                .add(" THEN DELETE");
    }

    /** A MERGE into {@code table} (alias t) of the operation's rows, up to its WHEN MATCHED. */
    private static Query matchedOfOperation(
            String table, String memberColumn, WorkspaceId workspace, OperationId operation, List<String> types) {
        return Query.of("MERGE INTO " + table + " t USING (SELECT o.record_id FROM operation_records o WHERE ")
                .add(operationRows(workspace, operation, types))
                .add(") s ON t.workspace = ? AND t." + memberColumn + " = s.record_id WHEN MATCHED", workspace);
    }

    @Override
    Query deleteOperationRowsInRun(WorkspaceId workspace, OperationId operation, UUID run) {
        return Query.of(
                "MERGE INTO operation_records t USING (SELECT record_id FROM cascade_walk WHERE run_id = ?"
                        + " AND workspace = ?) s ON t.workspace = ? AND t.operation_id = ? AND t.record_id = s.record_id"
                        + " WHEN MATCHED THEN DELETE",
                run,
                workspace,
                workspace,
                operation);
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

    @Override
    boolean lockTimeout(SQLException e) {
        return e.getErrorCode() == LOCK_TIMEOUT;
    }

    @Override
    boolean connectionLost(SQLException e) {
        return e.getErrorCode() == DATABASE_IS_CLOSED || e.getErrorCode() == DATABASE_CALLED_AT_SHUTDOWN;
    }
}
