package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.StoreUnavailableException;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.WorkspaceId;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.DefaultConnectionDefinition;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import io.micronaut.transaction.support.TransactionSynchronization;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units of work on Micronaut Data's connection and transaction management: its transaction manager
 * opens the connection, begins, commits or rolls back, and lets nested units and the stores' statements
 * join the unit under way (propagation REQUIRED). A write unit first locks its workspace's row
 * (SELECT ... FOR UPDATE), which serialises the writes of a workspace across processes (within one
 * process, writers queue before they take a connection: WorkspaceTurns). That lock is waited for at most
 * {@code writeWait}, then the write is a CONCURRENT_MODIFICATION (R14). A serialization failure,
 * deadlock or other lock timeout runs the whole unit again, a bounded number of times; a lost connection
 * runs it again once, on another connection, then the store is unavailable. No database text reaches
 * a refusal's message: the log has it.
 * <p>What stays here, because Micronaut's transaction manager does not do it: the retry of a whole unit
 * (it runs a unit once), the workspace lock with its bounded wait (a statement of ours), savepoints (its
 * NESTED propagation inside a running transaction joins it without one), and the isolation of each kind
 * as the dialect's SET TRANSACTION statement (its isolation goes through JDBC's setTransactionIsolation,
 * which on PostgreSQL reads the level and sets and resets it for the session: three round trips where the
 * statement is one, and H2's snapshot isolation has no name among its levels).
 */
final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** LATEST: a point read, each statement committing on its own (no transaction, no snapshot to set up). */
    private enum Kind {
        WRITE,
        READ,
        LATEST,
        STATEMENTS
    }

    /** A new transaction, rolled back on any failure. */
    private static final TransactionDefinition NEW = TransactionDefinition.named("archivist-unit");
    /** No transaction: the connection stays in auto-commit, its statements joining the unit without one. */
    private static final TransactionDefinition NONE =
            TransactionDefinition.of(TransactionDefinition.Propagation.SUPPORTS);
    /**
     * Joins the unit under way. A failure inside it does not doom the unit: the unit decides (a bulk request
     * reports a refusal and goes on, its partial work undone by a savepoint, see {@link #atomically}).
     */
    private static final TransactionDefinition JOIN = joining();
    /** A point read's connection: read-only, which the drivers note without a round trip. */
    private static final ConnectionDefinition READ_ONLY = new DefaultConnectionDefinition("archivist-latest", true);

    /** The unit under way, carried in Micronaut's propagated context beside its transaction. */
    private record Unit(Transactions owner, Kind kind, Set<String> lockedWorkspaces)
            implements PropagatedContextElement {}

    private final TransactionOperations<Connection> transactionManager;
    private final ConnectionOperations<Connection> connections;
    private final Sql sql;
    private final int maxAttempts;
    private final Duration writeWait;

    Transactions(
            TransactionOperations<Connection> transactionManager,
            ConnectionOperations<Connection> connections,
            Sql sql,
            int maxAttempts,
            Duration writeWait) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a unit of work needs at least one attempt");
        }
        this.transactionManager = transactionManager;
        this.connections = connections;
        this.sql = sql;
        this.maxAttempts = maxAttempts;
        this.writeWait = writeWait;
    }

    private static TransactionDefinition joining() {
        DefaultTransactionDefinition join =
                new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRED);
        join.setName("archivist-join");
        join.setDontRollbackOn(List.of(Throwable.class));
        return join;
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
        Unit joined = PropagatedContext.getOrEmpty()
                .find(Unit.class)
                .filter(unit -> unit.owner() == this)
                .orElse(null);
        if (joined == null && transactionManager.findTransactionStatus().isPresent()) {
            // A transaction of Micronaut's transaction manager begun around the store: the unit joins it,
            // as a nested unit joins ours, and its caller commits or rolls back.
            joined = new Unit(this, Kind.STATEMENTS, new HashSet<>());
        }
        if (joined != null) {
            if (joined.kind() == Kind.LATEST && (kind == Kind.WRITE || kind == Kind.READ)) {
                // Its statements commit one by one: nothing in it could be all-or-nothing or one snapshot.
                throw new IllegalStateException("a point read cannot hold a unit of work");
            }
            Unit unit = joined;
            return transactionManager.execute(JOIN, status -> {
                if (kind == Kind.WRITE) {
                    lock(unit, status.getConnection(), workspace);
                }
                return call(work, status.getConnection());
            });
        }
        boolean reconnected = false;
        for (int attempt = 1; ; attempt++) {
            Attempt attempted = new Attempt();
            try {
                return once(kind, workspace, work, attempted);
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (CannotGetJdbcConnectionException e) {
                // The pool already waited for one (or the database refused to connect): no point in asking again now.
                throw unavailable("no database connection could be had", e);
            } catch (RuntimeException thrown) {
                RuntimeException e = attempted.failureBehind(thrown);
                if (causeIn(e, Sql::isTimeout) != null) {
                    // Cancelled at archivist.jdbc.statement-timeout and rolled back: running it again would
                    // take as long, so the client is told to come back later (R14: never a 500).
                    throw unavailable(
                            "a statement ran longer than archivist.jdbc.statement-timeout and was cancelled", e);
                }
                // Micronaut's own calls on the connection (restoring auto-commit after the unit) fail only when
                // it is gone; Hikari then says so with no SQLState.
                boolean lost = causeIn(e, sql.dialect()::isConnectionLost) != null || e instanceof ConnectionException;
                if (lost && attempted.ranToTheEnd && (kind == Kind.WRITE || kind == Kind.STATEMENTS)) {
                    // A commit whose connection broke may or may not have happened: it is never run again, only
                    // reported.
                    throw unavailable(
                            "the database connection was lost while committing; the change may or may not"
                                    + " have been made",
                            e);
                }
                if (lost) {
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
                    throw new ArchivistException(
                            ErrorCode.CONCURRENT_MODIFICATION,
                            "the database kept refusing this change because of concurrent changes (gave up after "
                                    + attempt + " attempts); try again",
                            Map.of("attempts", attempt));
                }
                LOG.debug("unit of work attempt {} failed transiently, running it again", attempt, e);
                pause(attempt);
            }
        }
    }

    private static StoreUnavailableException unavailable(String why, Throwable cause) {
        return new StoreUnavailableException(why + "; try again later", cause);
    }

    /** What one attempt at a unit came to, as far as the exception that leaves Micronaut's hands may hide it. */
    private static final class Attempt {
        /** The unit's work returned: what fails now is the end of its transaction. */
        boolean ranToTheEnd;
        /** What failed in the unit, before Micronaut's clean-up of the connection could fail in turn. */
        RuntimeException failure;

        <T> T watch(Supplier<T> unit) {
            try {
                T result = unit.get();
                ranToTheEnd = true;
                return result;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }

        /**
         * The unit's own failure, when a later one replaced it: restoring the connection's settings after the
         * unit throws in its turn on a connection that is gone, and that exception is all that leaves.
         */
        RuntimeException failureBehind(RuntimeException thrown) {
            if (failure == null || failure == thrown) {
                return thrown;
            }
            failure.addSuppressed(thrown);
            return failure;
        }
    }

    /** One attempt at a unit, on a connection of its own. */
    private <T> T once(Kind kind, WorkspaceId workspace, Work<T> work, Attempt attempted) {
        if (kind == Kind.LATEST) {
            return connections.execute(
                    READ_ONLY,
                    connection -> transactionManager.execute(
                            NONE,
                            status -> attempted.watch(() -> inUnit(new Unit(this, kind, Set.of()), status, work))));
        }
        return transactionManager.execute(NEW, status -> attempted.watch(() -> begun(kind, workspace, work, status)));
    }

    private <T> T begun(Kind kind, WorkspaceId workspace, Work<T> work, TransactionStatus<Connection> status) {
        Connection connection = status.getConnection();
        try {
            if (kind == Kind.READ) {
                sql.dialect().beginConsistentRead(connection);
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(Status completed) {
                        endConsistentRead(connection);
                    }
                });
            } else {
                sql.dialect().beginWrite(connection);
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        afterCommitOf(connection);
                    }
                });
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("the unit of work failed", e);
        }
        Unit unit = new Unit(this, kind, new HashSet<>());
        if (kind == Kind.WRITE) {
            lock(unit, connection, workspace);
        }
        T result = inUnit(unit, status, work);
        if (kind == Kind.READ) {
            status.setRollbackOnly(); // a read changes nothing; scratch rows of its walks go too
        }
        return result;
    }

    private <T> T inUnit(Unit unit, TransactionStatus<Connection> status, Work<T> work) {
        try (PropagatedContext.Scope ignored =
                PropagatedContext.getOrEmpty().plus(unit).propagate()) {
            return call(work, status.getConnection());
        }
    }

    private void endConsistentRead(Connection connection) {
        try {
            sql.dialect().endConsistentRead(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot end a consistent read", e);
        }
    }

    private void afterCommitOf(Connection connection) {
        try {
            sql.dialect().afterCommit(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot force a commit to the disk", e);
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
    private void lock(Unit unit, Connection connection, WorkspaceId workspace) {
        boolean first = unit.lockedWorkspaces().isEmpty();
        if (!unit.lockedWorkspaces().add(workspace.value())) {
            return;
        }
        String select = first ? sql.dialect().lockWorkspaceWithin(writeWait) : Dialect.LOCK_WORKSPACE;
        try {
            if (sql.list(connection, select, rows -> rows.getString(1), workspace)
                    .isEmpty()) {
                sql.update(connection, sql.dialect().insertWorkspaceIfMissing(), workspace);
                sql.list(connection, select, rows -> rows.getString(1), workspace);
            }
        } catch (JdbcStoreException e) {
            if (first && sql.dialect().isLockTimeout(e.sqlException())) {
                LOG.info("workspace {} stayed locked by another process for {}", workspace, writeWait, e);
                throw new ArchivistException(
                        ErrorCode.CONCURRENT_MODIFICATION,
                        "workspace " + workspace
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
            throw new ArchivistException(
                    ErrorCode.CONCURRENT_MODIFICATION, "interrupted while retrying a unit of work");
        }
    }
}
