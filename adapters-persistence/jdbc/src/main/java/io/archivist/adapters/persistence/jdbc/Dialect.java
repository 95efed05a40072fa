package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What differs between H2, PostgreSQL and MariaDB: how ids and times are bound, the few statements
 * whose syntax differs, how a set-oriented UPDATE/DELETE reaches an operation's records, how the
 * listing uses its indexes, and what the error codes mean. Everything else is one SQL for all three.
 */
abstract class Dialect {

    /** The folder under db/archivist holding this database's Flyway migrations. */
    abstract String name();

    static Dialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        return switch (product) {
            case "H2" -> new H2Dialect();
            case "PostgreSQL" -> new PostgresDialect();
            case "MariaDB" -> new MariaDbDialect();
            default -> {
                if (product.equals("MySQL")
                        && meta.getDatabaseProductVersion().toLowerCase().contains("mariadb")) {
                    yield new MariaDbDialect();
                }
                throw new IllegalStateException("the JDBC store runs on H2, PostgreSQL or MariaDB, not on " + product);
            }
        };
    }

    /**
     * R15: why this database may acknowledge a commit before it would survive a crash, if it may (a
     * server setting, or one of the connection's). One query, at start-up; the store says so in its log.
     */
    abstract Optional<String> notDurable(Connection connection) throws SQLException;

    /**
     * After the commit of a unit that may have written, before its answer: forces it to the disk where
     * the database does not on its own (R15, a machine's crash too). The servers do it in their commit.
     */
    void afterCommit(Connection connection) throws SQLException {}

    /** The first column of the first row of {@code query}. */
    static String queryOne(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    // ---- values

    void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    UUID readUuid(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    Instant readInstant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The repository of idempotent_requests compiled for the way this database keeps its times. */
    IdempotentRequests idempotentRequests(TableRepositories repositories) {
        return repositories.zonedIdempotentRequests();
    }

    // ---- statements

    /** Creates the workspace's lock row if it is missing, and never fails when it exists. */
    abstract String insertWorkspaceIfMissing();

    /** Locks the workspace's row until the transaction ends; one parameter: the workspace. */
    static final String LOCK_WORKSPACE = "SELECT id FROM workspaces WHERE id = ? FOR UPDATE";

    /**
     * {@link #LOCK_WORKSPACE}, giving up with a lock timeout ({@link #isLockTimeout}) after {@code wait}
     * (whole seconds, at least one): another process holds the workspace's turn. H2 and MariaDB say so in
     * the statement; PostgreSQL sets it for the rest of the transaction in the same round trip.
     */
    String lockWorkspaceWithin(Duration wait) {
        return LOCK_WORKSPACE + " WAIT " + wholeSeconds(wait);
    }

    static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Called at the start of a write unit (or of a store's own short transaction), before any other statement. */
    void beginWrite(Connection connection) throws SQLException {}

    /**
     * Put before the first statement of a cascade (a walk, and a restore's first read; it runs in the
     * same round trip): what makes the rest of the cascade's transaction plan each statement with its
     * own values, where the database needs telling (PostgreSQL); nothing elsewhere.
     */
    String customPlans() {
        return "";
    }

    /** Sets the isolation of the transaction that the connection's next statement starts. */
    static void isolateNextTransaction(Connection connection, String level) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL " + level);
        }
    }

    /** Called at the start of a read unit, before any other statement: one consistent snapshot. */
    abstract void beginConsistentRead(Connection connection) throws SQLException;

    /** Undoes what {@link #beginConsistentRead} changed on the connection, if anything. */
    void endConsistentRead(Connection connection) throws SQLException {}

    /**
     * An UPDATE of {@code table} (alias t) restricted to the records of one operation (of {@code types}
     * only, unless that is empty), driven from the operation's rows (see CascadeQueries on why the join
     * starts from the set); {@code condition}, unless empty, is a further condition on t.
     */
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
                .add(
                        " WHERE t.workspace = ? AND t." + memberColumn
                                + " IN (SELECT o.record_id FROM operation_records o WHERE ",
                        workspace)
                .add(operationRows(workspace, operation, types))
                .add(")")
                .add(condition.isEmpty() ? "" : " AND " + condition);
    }

    /** A DELETE from {@code table} of the records of one operation (as for an update), driven from the operation's rows. */
    Query deleteOfOperation(
            String table, String memberColumn, WorkspaceId workspace, OperationId operation, List<String> types) {
        return Query.of(
                        "DELETE FROM " + table + " WHERE workspace = ? AND " + memberColumn
                                + " IN (SELECT o.record_id FROM operation_records o WHERE ",
                        workspace)
                .add(operationRows(workspace, operation, types))
                .add(")");
    }

    /**
     * A DELETE of the rows of {@code operation} in operation_records whose records are in {@code run} of
     * cascade_walk (a run of {@code workspace}).
     */
    Query deleteOperationRowsInRun(WorkspaceId workspace, OperationId operation, UUID run) {
        return Query.of(
                "DELETE FROM operation_records WHERE workspace = ? AND operation_id = ?"
                        + " AND record_id IN (SELECT record_id FROM cascade_walk WHERE run_id = ? AND workspace = ?)",
                workspace,
                operation,
                run,
                workspace);
    }

    /** The operation's rows under alias o: all of them, or those of {@code types} when it names some. */
    static Query operationRows(WorkspaceId workspace, OperationId operation, List<String> types) {
        Query rows = Query.of("o.workspace = ? AND o.operation_id = ?", workspace, operation);
        return types.isEmpty() ? rows : rows.add(" AND o.type IN (").in(types).add(")");
    }

    /**
     * One row of the operations table from parameters, as a SELECT naming its columns (workspace, id, kind,
     * actor, happened_at, root_ids, counts; see JdbcOperationLog.COLUMNS): the first of the rows of
     * {@link #upsertOperations}.
     */
    String operationRow() {
        return "SELECT ? AS workspace, ? AS id, ? AS kind, ? AS actor, ? AS happened_at, ? AS root_ids, ? AS counts";
    }

    /**
     * One statement that inserts {@code operation} (a row of {@link #operationRow} and still_archived) and
     * adds the still_archived of each row {@code released} selects (the same columns) to the operation of
     * that id, which exists: the log of a restore or a purge, and what it took off the archive operations.
     * All of them are operations of {@code workspace}.
     */
    abstract Query upsertOperations(WorkspaceId workspace, Query operation, Query released);

    /**
     * The condition on operations (unaliased) that selects the operations of {@code workspace} that still
     * hold archived records, written so that the index made for them serves it.
     */
    abstract Query holdingArchived(WorkspaceId workspace);

    /** The prefix of the root's columns in {@link #holdingPage}. */
    static final String ROOT = "root_";

    /**
     * Whether a page of operations and the roots each still holds are one statement ({@link #holdingPage}):
     * where a statement can list the elements of a JSON array. Elsewhere the roots are a statement of their
     * own (OperationLog#holdingPage).
     */
    boolean readsHoldingPageInOneStatement() {
        return false;
    }

    /**
     * Where {@link #readsHoldingPageInOneStatement}: {@code page} (rows of operations, newest first) with the
     * roots each still holds archived among the first {@code namedRoots} of its root_ids, their columns as
     * {@link RecordRows#columnsAs} with {@link #ROOT}, one row per root in their order (one with no root for an
     * operation that holds none of them), and the workspace's catalog_version; in the page's order.
     */
    Query holdingPage(WorkspaceId workspace, Query page, int namedRoots) {
        throw new UnsupportedOperationException("this database lists no JSON array in a statement");
    }

    /**
     * The condition on records (unaliased) that selects one type in one state, written so that the
     * index made for that state serves it; one parameter: the type.
     */
    abstract String typeInState(ArchivedFilter state);

    /** Whether q's search text has an index that finds a substring (PostgreSQL's trigrams; see RecordPageQueries). */
    boolean indexesSearchText() {
        return false;
    }

    /**
     * "{@code column} equals the operation given as parameter", written so that the planner cannot
     * use an index on the column for it (see RecursiveCascadeQueries).
     */
    String sameOperation(String column) {
        return column + " = ?";
    }

    /**
     * Appended to a subquery that must run as a lookup for each row of the query around it, rather
     * than be turned into a join the planner may order badly (see CascadeQueries); empty where the
     * database's own plan for it is a lookup anyway.
     */
    String optimizationFence() {
        return "";
    }

    /** Prefixes a statement holding a recursive query with what the database needs to run it deep. */
    String deepRecursion(String sql) {
        return sql;
    }

    /** The walks of the cascades on this database. */
    abstract CascadeQueries cascadeQueries(Sql sql);

    // ---- errors: a failure may arrive wrapped (a batch's own exception, the driver's chain)

    final boolean isUniqueViolation(SQLException failure) {
        return anyInChain(failure, this::uniqueViolation);
    }

    final boolean isForeignKeyViolation(SQLException failure) {
        return anyInChain(failure, this::foreignKeyViolation);
    }

    final boolean isValueTooLong(SQLException failure) {
        return anyInChain(failure, this::valueTooLong);
    }

    /** The statement waited for a lock as long as it was allowed to. */
    final boolean isLockTimeout(SQLException failure) {
        return anyInChain(failure, this::lockTimeout);
    }

    /**
     * The connection broke or the database is going away (SQLState class 08, a connection exception of
     * JDBC's own kinds, or the dialect's codes): nothing was committed on it, and another connection may work.
     */
    final boolean isConnectionLost(SQLException failure) {
        return anyInChain(
                failure,
                e -> e instanceof java.sql.SQLNonTransientConnectionException
                        || e instanceof java.sql.SQLTransientConnectionException
                        || (e.getSQLState() != null && e.getSQLState().startsWith("08"))
                        || connectionLost(e));
    }

    /** A serialization failure, deadlock or lock timeout: the unit of work may run again. */
    final boolean isRetryable(SQLException failure) {
        return anyInChain(failure, this::retryable);
    }

    boolean uniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    boolean foreignKeyViolation(SQLException e) {
        return "23503".equals(e.getSQLState());
    }

    boolean valueTooLong(SQLException e) {
        return "22001".equals(e.getSQLState());
    }

    /** Must accept a null SQLState: a driver sets none on some failures (a closed connection, for one). */
    abstract boolean retryable(SQLException e);

    abstract boolean lockTimeout(SQLException e);

    boolean connectionLost(SQLException e) {
        return false;
    }

    private static boolean anyInChain(SQLException failure, java.util.function.Predicate<SQLException> test) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException e) {
                if (test.test(e)) {
                    return true;
                }
                if (e.getNextException() != null) {
                    pending.add(e.getNextException());
                }
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
        }
        return false;
    }
}
