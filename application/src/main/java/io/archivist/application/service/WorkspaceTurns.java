package io.archivist.application.service;

import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.WorkspaceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * R14: the writes of one workspace take turns in a fair queue in this process, before they touch the
 * store. A writer that waits holds nothing shared: no pooled connection, no database lock, so the other
 * workspaces never wait with it. The store's own lock still serialises the writes of several processes.
 * A writer that does not get its turn within {@code writeWait}, or finds {@code maxQueued} writers already
 * waiting in its workspace, is a CONCURRENT_MODIFICATION (the client tries again later). Reads pass through:
 * they never wait for writers here. A workspace's queue exists only while someone holds or waits for its turn.
 * <p>
 * Being the unit of work every service writes through, it also knows when a write has committed: what a
 * write wants done only then ({@link #afterCommit}, such as reporting metrics) runs once the outermost write
 * of the thread has returned from the store, and never for a write that failed.
 */
public final class WorkspaceTurns implements UnitOfWork {

    private final UnitOfWork store;
    private final Duration writeWait;
    private final int maxQueued;
    private final LifecycleMetrics metrics;
    private final Map<WorkspaceId, Turn> turns = new ConcurrentHashMap<>();
    /** The workspaces whose turn this thread holds: a nested write joins, it never queues behind itself. */
    private final ThreadLocal<Set<WorkspaceId>> held = ThreadLocal.withInitial(HashSet::new);
    /** What runs once the outermost write of this thread has committed; null while the thread writes nothing. */
    private final ThreadLocal<List<Runnable>> onCommit = new ThreadLocal<>();

    /** One workspace's queue; {@code users} counts the holder and the waiters, under the map's lock. */
    private static final class Turn {
        final Semaphore semaphore = new Semaphore(1, true);
        int users;
    }

    public WorkspaceTurns(UnitOfWork store, Duration writeWait, int maxQueued) {
        this(store, writeWait, maxQueued, LifecycleMetrics.NONE);
    }

    /** {@code metrics} is told how long each write waited for its turn. */
    public WorkspaceTurns(UnitOfWork store, Duration writeWait, int maxQueued, LifecycleMetrics metrics) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (writeWait.isNegative() || maxQueued < 0) {
            throw new IllegalArgumentException(
                    "write-wait and max-queued-writes cannot be negative: " + writeWait + ", " + maxQueued);
        }
        this.writeWait = writeWait;
        this.maxQueued = maxQueued;
    }

    @Override
    public <T> T write(WorkspaceId workspace, Supplier<T> work) {
        if (held.get().contains(workspace)) {
            return store.write(workspace, work);
        }
        Turn turn = waitForTurn(workspace);
        boolean outermost = held.get().isEmpty();
        held.get().add(workspace);
        List<Runnable> committed = outermost ? new ArrayList<>() : List.of();
        if (outermost) {
            onCommit.set(committed);
        }
        T result;
        try {
            // A store may run the work again (UnitOfWork): only what its last run asked for is done.
            result = store.write(
                    workspace,
                    outermost
                            ? () -> {
                                committed.clear();
                                return work.get();
                            }
                            : work);
        } finally {
            held.get().remove(workspace);
            if (outermost) {
                onCommit.remove();
            }
            turn.semaphore.release();
            leave(workspace);
        }
        committed.forEach(WorkspaceTurns::runQuietly);
        return result;
    }

    /**
     * Runs {@code action} once the outermost write under way on this thread has committed, or at once when
     * the thread is not writing. Dropped when that write fails; asked for again when the store runs it again.
     * For effects outside the store that must follow only what happened, such as metrics.
     */
    public void afterCommit(Runnable action) {
        List<Runnable> committed = onCommit.get();
        if (committed == null) {
            runQuietly(action);
        } else {
            committed.add(action);
        }
    }

    /** Joins the workspace's queue and waits for its turn, telling the metrics how long it waited. */
    private Turn waitForTurn(WorkspaceId workspace) {
        long started = System.nanoTime();
        boolean granted = false;
        try {
            Turn turn = join(workspace);
            try {
                if (!turn.semaphore.tryAcquire(writeWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw busy(workspace, "other writes held its turn for longer than " + seconds(writeWait) + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                leave(workspace);
                throw busy(workspace, "the wait for its turn was interrupted");
            } catch (RuntimeException e) {
                leave(workspace);
                throw e;
            }
            granted = true;
            return turn;
        } finally {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            boolean got = granted;
            runQuietly(() -> metrics.turnWaited(workspace, waited, got));
        }
    }

    /** What runs after a commit is never allowed to turn the committed write into a failure for its caller. */
    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            System.getLogger(WorkspaceTurns.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            "reporting a write to the metrics failed; the write itself stands",
                            e);
        }
    }

    @Override
    public <T> T read(WorkspaceId workspace, Supplier<T> work) {
        return store.read(workspace, work);
    }

    @Override
    public <T> T readLatest(WorkspaceId workspace, Supplier<T> work) {
        return store.readLatest(workspace, work);
    }

    /** How many writers wait for {@code workspace}'s turn now (the one holding it not counted). */
    public int waiting(WorkspaceId workspace) {
        Turn turn = turns.get(workspace);
        return turn == null ? 0 : turn.semaphore.getQueueLength();
    }

    /** How many workspaces have a queue now: those whose turn someone holds or waits for. */
    int queues() {
        return turns.size();
    }

    /** Joins the workspace's queue, refused at once when it is full (so that waiting threads stay bounded). */
    private Turn join(WorkspaceId workspace) {
        boolean[] full = {false};
        Turn turn = turns.compute(workspace, (w, existing) -> {
            Turn joined = existing == null ? new Turn() : existing;
            if (joined.users > maxQueued) { // one holds the turn, maxQueued wait for it
                full[0] = true;
            } else {
                joined.users++;
            }
            return joined;
        });
        if (full[0]) {
            throw busy(workspace, maxQueued + " writes already wait for its turn");
        }
        return turn;
    }

    /** Leaves the queue; the last one out removes it, so that memory stays bounded by the active workspaces. */
    private void leave(WorkspaceId workspace) {
        turns.computeIfPresent(workspace, (w, turn) -> --turn.users == 0 ? null : turn);
    }

    private static ArchivistException busy(WorkspaceId workspace, String why) {
        return new ArchivistException(
                ErrorCode.CONCURRENT_MODIFICATION, "workspace " + workspace + " is busy: " + why + "; try again later");
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
