package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One connection and one transaction per unit of work, held by the thread that runs it, so that
 * nested units and the stores' statements join it. A write unit first locks its workspace's row
 * (SELECT ... FOR UPDATE), which serialises the writes of a workspace. A serialization failure,
 * deadlock or lock timeout runs the whole unit again, a bounded number of times.
 */
final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** LATEST: a point read, each statement committing on its own (no transaction, no snapshot to set up). */
    private enum Kind { WRITE, READ, LATEST, STATEMENTS }

    private static final class Unit {
        final Kind kind;
        final Connection connection;
        final Set<String> lockedWorkspaces = new HashSet<>();

        Unit(Kind kind, Connection connection) {
            this.kind = kind;
            this.connection = connection;
        }
    }

    private final DataSource dataSource;
    private final Sql sql;
    private final int maxAttempts;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    Transactions(DataSource dataSource, Sql sql, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a unit of work needs at least one attempt");
        }
        this.dataSource = dataSource;
        this.sql = sql;
        this.maxAttempts = maxAttempts;
    }

    <T> T write(WorkspaceId workspace, Supplier<T> work) {
        return run(Kind.WRITE, workspace, connection -> work.get());
    }

    <T> T read(Supplier<T> work) {
        return run(Kind.READ, null, connection -> work.get());
    }

    /**
     * Reads whose statements need not share a snapshot: each sees the latest committed state. One
     * round trip per statement, where a consistent read adds its setup and its end.
     */
    <T> T readLatest(Supplier<T> work) {
        return run(Kind.LATEST, null, connection -> work.get());
    }

    /** A store's statements: inside the unit under way, or in a short transaction of their own. */
    <T> T statements(Work<T> work) {
        return run(Kind.STATEMENTS, null, work);
    }

    /**
     * Runs {@code work} so that it changes everything or nothing even when the unit goes on after a
     * refusal (a bulk request reports it and continues): a savepoint, rolled back when {@code work}
     * fails. {@code translate} then turns a database refusal into the rule it breaks; it may query.
     */
    <T> T atomically(Connection connection, Supplier<T> work, Function<SQLException, RuntimeException> translate) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot set a savepoint", e);
        }
        try {
            T result = work.get();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (JdbcStoreException e) {
            rollbackTo(connection, savepoint, e);
            RuntimeException translated = translate.apply(e.sqlException());
            throw translated == null ? e : translated;
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot release a savepoint", e);
        } catch (RuntimeException e) {
            rollbackTo(connection, savepoint, e);
            throw e;
        }
    }

    private static void rollbackTo(Connection connection, Savepoint savepoint, RuntimeException cause) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private <T> T run(Kind kind, WorkspaceId workspace, Work<T> work) {
        Unit joined = current.get();
        if (joined != null) {
            if (joined.kind == Kind.LATEST && (kind == Kind.WRITE || kind == Kind.READ)) {
                // Its statements commit one by one: nothing in it could be all-or-nothing or one snapshot.
                throw new IllegalStateException("a point read cannot hold a unit of work");
            }
            if (kind == Kind.WRITE) {
                lock(joined, workspace);
            }
            return call(work, joined.connection);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(kind, workspace, work);
            } catch (RuntimeException e) {
                SQLException transientFailure = retryableCause(e);
                if (transientFailure == null) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    throw new ArchivistException(ErrorCode.CONCURRENT_MODIFICATION,
                            "the database kept refusing this change because of concurrent changes (gave up after "
                                    + attempt + " attempts; last: " + transientFailure.getMessage() + "); try again",
                            Map.of("attempts", attempt));
                }
                LOG.debug("unit of work attempt {} failed transiently, running it again", attempt, e);
                pause(attempt);
            }
        }
    }

    private <T> T once(Kind kind, WorkspaceId workspace, Work<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot get a database connection", e);
        }
        try (connection) {
            connection.setAutoCommit(kind == Kind.LATEST);
            if (kind == Kind.READ) {
                sql.dialect().beginConsistentRead(connection);
            } else if (kind != Kind.LATEST) {
                sql.dialect().beginWrite(connection);
            }
            Unit unit = new Unit(kind, connection);
            current.set(unit);
            try {
                if (kind == Kind.WRITE) {
                    lock(unit, workspace);
                }
                T result = call(work, connection);
                if (kind == Kind.READ) {
                    connection.rollback(); // a read changes nothing; scratch rows of its walks go too
                } else if (kind != Kind.LATEST) {
                    connection.commit();
                    sql.dialect().afterCommit(connection);
                }
                return result;
            } catch (RuntimeException | Error e) {
                if (kind != Kind.LATEST) {
                    try {
                        connection.rollback();
                    } catch (SQLException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                }
                throw e;
            } finally {
                current.remove();
                if (kind == Kind.READ) {
                    sql.dialect().endConsistentRead(connection);
                }
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("the unit of work failed", e);
        }
    }

    private static <T> T call(Work<T> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException("statement failed", e);
        }
    }

    /** R8: the workspace's row, locked until the unit ends; created on the workspace's first write. */
    private void lock(Unit unit, WorkspaceId workspace) {
        if (!unit.lockedWorkspaces.add(workspace.value())) {
            return;
        }
        String select = "SELECT id FROM workspaces WHERE id = ? FOR UPDATE";
        if (sql.list(unit.connection, select, rows -> rows.getString(1), workspace).isEmpty()) {
            sql.update(unit.connection, sql.dialect().insertWorkspaceIfMissing(), workspace);
            sql.list(unit.connection, select, rows -> rows.getString(1), workspace);
        }
    }

    private SQLException retryableCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && sql.dialect().isRetryable(e)) {
                return e;
            }
        }
        return null;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchivistException(ErrorCode.CONCURRENT_MODIFICATION, "interrupted while retrying a unit of work");
        }
    }
}
