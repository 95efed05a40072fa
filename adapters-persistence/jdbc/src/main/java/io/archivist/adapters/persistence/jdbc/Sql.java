package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import io.micronaut.data.exceptions.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Runs hand-written statements with the dialect's bindings; SQLExceptions leave as JdbcStoreException. */
final class Sql {

    /** A typed SQL NULL, for parameters whose type JDBC cannot guess from a Java null. */
    enum Null {
        ID,
        INSTANT,
        TEXT
    }

    interface Row<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private final Dialect dialect;
    /** R14: how long one statement may run (JDBC's query timeout, in whole seconds; 0 for none). */
    private final int timeoutSeconds;

    Sql(Dialect dialect, Duration statementTimeout) {
        this.dialect = dialect;
        this.timeoutSeconds = statementTimeout.isZero()
                ? 0
                : (int) Math.max(1, Math.min(Integer.MAX_VALUE, statementTimeout.toSeconds()));
    }

    /**
     * Every statement of the store is prepared here, so that each has the timeout: JDBC's query timeout
     * is the one form all three drivers honour (PostgreSQL cancels the statement, MariaDB's driver sets
     * max_statement_time, H2 checks it while it runs).
     */
    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return TimedConnection.withTimeout(connection.prepareStatement(sql), timeoutSeconds);
    }

    Dialect dialect() {
        return dialect;
    }

    /** R14's limit for one statement, in whole seconds (0 for none), for the statements Micronaut Data prepares. */
    int timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * Runs a call of a Micronaut Data repository: its statements' failures leave as the store's own
     * ({@link JdbcStoreException}, the SQLException inside), as a hand-written statement's do, so that the unit
     * of work retries, times out and reports them alike.
     */
    <T> T repository(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sqlException) {
                    throw failed("a repository's statement failed", sqlException);
                }
            }
            throw e;
        }
    }

    int update(Connection connection, Query query) {
        return update(connection, query.sql(), query.params());
    }

    int update(Connection connection, String sql, Object... params) {
        try (PreparedStatement statement = prepare(connection, sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> List<T> list(Connection connection, Query query, Row<T> row) {
        return list(connection, query.sql(), row, query.params());
    }

    /** The rows of the statement's first result set: a setting may come first (see Dialect.lockWorkspaceWithin). */
    <T> List<T> list(Connection connection, String sql, Row<T> row, Object... params) {
        try (PreparedStatement statement = prepare(connection, sql)) {
            bind(statement, params);
            boolean hasRows = statement.execute();
            while (!hasRows) {
                if (statement.getUpdateCount() == -1) {
                    throw new SQLException("the statement returned no rows", "02000");
                }
                hasRows = statement.getMoreResults();
            }
            try (ResultSet rows = statement.getResultSet()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(row.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... params) {
        List<T> found = list(connection, sql, row, params);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    long count(Connection connection, Query query) {
        return list(connection, query, rows -> rows.getLong(1)).get(0);
    }

    /** One statement for many rows: one round trip, whatever the batch size. */
    int[] batch(Connection connection, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = prepare(connection, sql)) {
            for (Object[] params : rows) {
                bind(statement, params);
                statement.addBatch();
            }
            return statement.executeBatch();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    UUID uuid(ResultSet rows, String column) throws SQLException {
        return dialect.readUuid(rows, column);
    }

    Instant instant(ResultSet rows, String column) throws SQLException {
        return dialect.readInstant(rows, column);
    }

    private void bind(PreparedStatement statement, Object[] params) throws SQLException {
        int index = 1;
        for (Object param : params) {
            if (param instanceof Collection<?> values) {
                for (Object value : values) {
                    bindOne(statement, index++, value);
                }
            } else {
                bindOne(statement, index++, param);
            }
        }
    }

    private void bindOne(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof WorkspaceId workspace) {
            statement.setString(index, workspace.value());
        } else if (value instanceof RecordId id) {
            dialect.bindUuid(statement, index, id.value());
        } else if (value instanceof OperationId id) {
            dialect.bindUuid(statement, index, id.value());
        } else if (value instanceof UUID id) {
            dialect.bindUuid(statement, index, id);
        } else if (value instanceof Instant instant) {
            dialect.bindInstant(statement, index, instant);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value == Null.ID) {
            dialect.bindUuid(statement, index, null);
        } else if (value == Null.INSTANT) {
            dialect.bindInstant(statement, index, null);
        } else if (value == Null.TEXT) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            throw new IllegalArgumentException("cannot bind " + (value == null ? "an untyped null" : value.getClass()));
        }
    }

    private JdbcStoreException failure(String sql, SQLException e) {
        return failed("statement failed [" + (sql.length() > 200 ? sql.substring(0, 200) + "..." : sql) + "]", e);
    }

    /** {@code what} failed with {@code e}: a statement cancelled at the timeout says so, whatever it was. */
    private JdbcStoreException failed(String what, SQLException e) {
        if (isTimeout(e)) {
            return new JdbcStoreException(
                    "a statement ran longer than archivist.jdbc.statement-timeout (" + timeoutSeconds
                            + " s) and was cancelled",
                    e);
        }
        return new JdbcStoreException(what, e);
    }

    /** PostgreSQL's and H2's query_canceled (57014), MariaDB's max_statement_time (70100, error 1969). */
    static boolean isTimeout(SQLException e) {
        return e instanceof SQLTimeoutException
                || "57014".equals(e.getSQLState())
                || "70100".equals(e.getSQLState())
                || e.getErrorCode() == 1969;
    }
}
