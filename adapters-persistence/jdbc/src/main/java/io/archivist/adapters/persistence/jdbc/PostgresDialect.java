package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
        return queryOne(connection, "SELECT current_setting('synchronous_commit')")
                        .equals("off")
                ? Optional.of("PostgreSQL's synchronous_commit is off for the store's connections")
                : Optional.empty();
    }

    @Override
    String insertWorkspaceIfMissing() {
        return "INSERT INTO workspaces (id) VALUES (?) ON CONFLICT DO NOTHING";
    }

    /**
     * An archive's and a restore's statements are planned with their own values and the tables' sizes of the moment.
     * After a few runs of one prepared statement on a pooled connection PostgreSQL may switch to a
     * generic plan, made once and kept: costed without the values (a 3-record set and a 100,000-record
     * one get the same plan) and with the table sizes of when it was made (operation_records grows by
     * every cascade, and a generic plan made while it was small scans it whole). Benchmark P8 found both:
     * a generic plan trained by small restores ran the next 100,000-record restore for minutes, and one
     * made early scanned all of operation_records for each 3-record archive of another workspace
     * (half a second each, while a neighbour cascaded). A cascade has a handful of statements, so
     * planning each costs nothing that shows; seed imports and single-record writes, which run the
     * same statements thousands of times, keep PostgreSQL's choice, and so do purges: planned with their
     * values, a 100,000-record purge ran three times slower (bench P3 0.33 against 0.92).
     */
    @Override
    String customPlans() {
        return "SET LOCAL plan_cache_mode = force_custom_plan; ";
    }

    @Override
    void beginConsistentRead(Connection connection) throws SQLException {
        // The first statement of the transaction: its snapshot then serves every read of the unit.
        isolateNextTransaction(connection, "REPEATABLE READ");
    }

    /*
     * The set is a subquery behind the optimization fence, joined to the table on its full key. Written
     * as a plain join, "o.workspace = ?" became "t.workspace = ?" too (the planner carries a constant
     * across an equality), and stale statistics (no ANALYZE between an archive and its restore) priced
     * "the workspace's records" (or its archived ones, by a partial index) and the operation's rows at
     * one row each: a nested loop then read one of them whole for each row of the other, with the key as
     * a mere join filter, and a 100,000-record restore never ended. Out of the fence the set's rows give
     * the table nothing but the key of each row, so a lookup by key is the only cheap way to reach it.
     * The table is still filtered on its workspace as a constant ("t.workspace = ?"), beside the join on
     * the set's: a distributed engine (Citus) routes the statement to the one node that holds the workspace
     * only when every table it names says which (CascadeQueries). The planner then filters the fenced set on
     * the same constant and looks the table up on (workspace = constant, key = the set's): under
     * StaleStatisticsPlanIT's stale statistics each statement still starts from its set and reads the table
     * by key.
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
        return Query.of("UPDATE " + table + " t SET ")
                .add(set)
                .add(" FROM ")
                .add(fenced(workspace, operation, types))
                .add(
                        " WHERE t.workspace = ? AND t.workspace = o.workspace AND t." + memberColumn + " = o.record_id",
                        workspace)
                .add(condition.isEmpty() ? "" : " AND " + condition);
    }

    @Override
    Query deleteOfOperation(
            String table, String memberColumn, WorkspaceId workspace, OperationId operation, List<String> types) {
        return Query.of("DELETE FROM " + table + " t USING ")
                .add(fenced(workspace, operation, types))
                .add(
                        " WHERE t.workspace = ? AND t.workspace = o.workspace AND t." + memberColumn + " = o.record_id",
                        workspace);
    }

    /** The operation's rows as subquery o (columns workspace, record_id), fenced: see above. */
    private Query fenced(WorkspaceId workspace, OperationId operation, List<String> types) {
        return Query.of("(SELECT o.workspace, o.record_id FROM operation_records o WHERE ")
                .add(operationRows(workspace, operation, types))
                .add(optimizationFence() + ") o");
    }

    @Override
    Query deleteOperationRowsInRun(WorkspaceId workspace, OperationId operation, UUID run) {
        // From the run (few rows) to the operation's rows by their full key, which the run's rows give (the
        // operation too: as a constant outside the fence, it would let an index scan by operation start). The
        // workspace is a constant on both tables as well, for a distributed engine's routing (see above).
        return Query.of(
                "DELETE FROM operation_records t USING (SELECT b.workspace, CAST(? AS UUID) AS operation_id,"
                        + " b.record_id FROM cascade_walk b WHERE b.run_id = ? AND b.workspace = ?"
                        + optimizationFence()
                        + ") b WHERE t.workspace = ? AND t.workspace = b.workspace AND t.operation_id = b.operation_id"
                        + " AND t.record_id = b.record_id",
                operation,
                run,
                workspace,
                workspace);
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
    Query upsertOperations(WorkspaceId workspace, Query operation, Query released) {
        return Query.of("INSERT INTO operations AS t (" + JdbcOperationLog.COLUMNS + ", still_archived) ")
                .add(operation)
                .add(" UNION ALL ")
                .add(released)
                .add(
                        " ON CONFLICT (workspace, id) DO UPDATE SET still_archived = t.still_archived + EXCLUDED.still_archived");
    }

    @Override
    Query holdingArchived(WorkspaceId workspace) {
        // Written like the partial index's predicate (V9), so that the planner picks it.
        return Query.of("workspace = ? AND still_archived > 0", workspace);
    }

    /**
     * root_ids is a JSON array of the roots' ids, in their order. The page is a CTE, planned on its own: on
     * the partial index whatever the plan. Each root is a lookup by the primary key behind the fence, then
     * checked: as a join with "t.archive_operation = o.id", the planner read every record the operation holds
     * through records_of_operation (a hundred thousand for one line of a page) to keep its roots, and with a
     * generic plan it sorted every operation that holds records to find the page.
     */
    private static final String HELD_ROOTS = " SELECT o.*, r.*, (SELECT catalog_version FROM workspaces WHERE id = ?)"
            + " AS catalog_version FROM o LEFT JOIN LATERAL (SELECT x.n, " + RecordRows.columnsAs("t", ROOT)
            + " FROM jsonb_array_elements_text(CAST(o.root_ids AS jsonb)) WITH ORDINALITY AS x (root, n)"
            + " JOIN LATERAL (SELECT " + RecordRows.COLUMNS + " FROM records WHERE workspace = ?"
            + " AND id = CAST(x.root AS uuid) OFFSET 0) t ON true"
            + " WHERE t.archive_operation IS NOT DISTINCT FROM o.id AND x.n <= ";

    @Override
    boolean readsHoldingPageInOneStatement() {
        return true;
    }

    @Override
    Query holdingPage(WorkspaceId workspace, Query page, int namedRoots) {
        return Query.of("WITH o AS MATERIALIZED (")
                .add(page)
                .add(")")
                .add(HELD_ROOTS, workspace, workspace)
                // A constant of the service, written in for the same reason as the page's limit (JdbcOperationLog).
                .add(namedRoots + ") r ON true ORDER BY o.id DESC, r.n");
    }

    @Override
    boolean indexesSearchText() {
        return true; // record_search_text, V8.3
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
