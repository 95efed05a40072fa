package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.StoreUnavailableException;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One connection and one transaction per unit of work, held by the thread that runs it, so that
 * nested units and the stores' statements join it. A write unit first locks its workspace's row
 * (SELECT ... FOR UPDATE), which serialises the writes of a workspace across processes (within one
 * process, writers queue before they take a connection: WorkspaceTurns). That lock is waited for at most
 * {@code writeWait}, then the write is a CONCURRENT_MODIFICATION (R14). A serialization failure,
 * deadlock or other lock timeout runs the whole unit again, a bounded number of times; a lost connection
 * runs it again once, on another connection, then the store is unavailable. No database text reaches
 * a refusal's message: the log has it.
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
    private final Duration writeWait;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    Transactions(DataSource dataSource, Sql sql, int maxAttempts, Duration writeWait) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a unit of work needs at least one attempt");
        }
        this.dataSource = dataSource;
        this.sql = sql;
        this.maxAttempts = maxAttempts;
        this.writeWait = writeWait;
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
        boolean reconnected = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return once(kind, workspace, work);
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                if (causeIn(e, Sql::isTimeout) != null) {
                    // Cancelled at archivist.jdbc.statement-timeout and rolled back: running it again would
                    // take as long, so the client is told to come back later (R14: never a 500).
                    throw unavailable("a statement ran longer than archivist.jdbc.statement-timeout and was cancelled", e);
                }
                SQLException lost = causeIn(e, sql.dialect()::isConnectionLost);
                if (lost != null) {
                    if (reconnected) {
                        throw unavailable("the database connection was lost, twice", e);
                    }
                    LOG.warn("the database connection was lost during a unit of work; running it again on another", e);
                    reconnected = true;
                    continue;
                }
                SQLException transientFailure = causeIn(e, sql.dialect()::isRetryable);
                if (transientFailure == null) {
                    throw e;
                }
                if (attempt >= maxAttempts) {
                    LOG.warn("unit of work gave up after {} attempts", attempt, e);
                    throw new ArchivistException(ErrorCode.CONCURRENT_MODIFICATION,
                            "the database kept refusing this change because of concurrent changes (gave up after "
                                    + attempt + " attempts); try again", Map.of("attempts", attempt));
                }
                LOG.debug("unit of work attempt {} failed transiently, running it again", attempt, e);
                pause(attempt);
            }
        }
    }

    private static StoreUnavailableException unavailable(String why, Throwable cause) {
        return new StoreUnavailableException(why + "; try again later", cause);
    }

    private <T> T once(Kind kind, WorkspaceId workspace, Work<T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            // The pool already waited for one (or the database refused to connect): no point in asking again now.
            throw unavailable("no database connection could be had", e);
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
                    commit(connection);
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

    /** A commit whose connection broke may or may not have happened: it is never run again, only reported. */
    private void commit(Connection connection) throws SQLException {
        try {
            connection.commit();
        } catch (SQLException e) {
            if (sql.dialect().isConnectionLost(e)) {
                throw unavailable("the database connection was lost while committing; the change may or may not"
                        + " have been made", e);
            }
            throw e;
        }
    }

    private static <T> T call(Work<T> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException("statement failed", e);
        }
    }

    /**
     * R8: the workspace's row, locked until the unit ends; created on the workspace's first write. The
     * unit's own workspace is waited for at most writeWait (R14); a second workspace locked inside the unit
     * waits as the database decides, since a deadlock, which the database breaks, runs the unit again.
     */
    private void lock(Unit unit, WorkspaceId workspace) {
        boolean first = unit.lockedWorkspaces.isEmpty();
        if (!unit.lockedWorkspaces.add(workspace.value())) {
            return;
        }
        String select = first ? sql.dialect().lockWorkspaceWithin(writeWait) : Dialect.LOCK_WORKSPACE;
        try {
            if (sql.list(unit.connection, select, rows -> rows.getString(1), workspace).isEmpty()) {
                sql.update(unit.connection, sql.dialect().insertWorkspaceIfMissing(), workspace);
                sql.list(unit.connection, select, rows -> rows.getString(1), workspace);
            }
        } catch (JdbcStoreException e) {
            if (first && sql.dialect().isLockTimeout(e.sqlException())) {
                LOG.info("workspace {} stayed locked by another process for {}", workspace, writeWait, e);
                throw new ArchivistException(ErrorCode.CONCURRENT_MODIFICATION, "workspace " + workspace
                        + " is busy: another process held its turn for longer than "
                        + Dialect.wholeSeconds(writeWait) + " s; try again later");
            }
            throw e;
        }
    }

    private static SQLException causeIn(Throwable failure, Predicate<SQLException> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && test.test(e)) {
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
