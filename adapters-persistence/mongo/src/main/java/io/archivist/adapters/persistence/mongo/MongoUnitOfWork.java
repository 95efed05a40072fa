package io.archivist.adapters.persistence.mongo;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.archivist.adapters.persistence.mongo.Leases.Lease;
import io.archivist.application.port.out.StoreUnavailableException;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.WorkspaceId;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R8 on MongoDB without multi-document transactions.
 *
 * <p><b>Writes</b> are serialised per workspace by a lease (one document per workspace, taken with a
 * conditional update, renewed by a heartbeat). Inside a unit, every store command writes at once and
 * tags what it wrote with the unit's id; before a cascade or an update changes documents, one
 * aggregation copies them to the shadows collection ({@link Shadows}). The unit then ends one of two ways:
 * <ul>
 *   <li>{@code work} returned: the lease document moves to {@code committed} (the commit point, one
 *       single-document update), the before-images are dropped and the lease is released.</li>
 *   <li>{@code work} threw: the unit is rolled back (what it wrote is deleted, the before-images come
 *       back, what it logged goes) and the lease is released. Nothing it did remains.</li>
 * </ul>
 * A unit whose process died is found by the start-up recovery or by the periodic sweep, once its
 * lease expired (at once, at start-up, for a unit of an earlier run of the same {@code nodeId}): a
 * {@code running} unit is rolled back, a {@code committed} one is finished. Every step of both is
 * idempotent, so recovery itself may be interrupted and run again. No client ever received the
 * answer of a unit that is rolled back (write() had not returned): its retry acts as if the first
 * attempt never happened, and the retry of one that committed finds its Idempotency-Key answered (R10).
 *
 * <p><b>Reads</b> ({@link #read}) never see a unit under way: a read waits while the workspace's lease
 * is held, reads, then checks that the lease is still idle at the same sequence number, and reads again
 * otherwise (a sequence lock). So a reader only ever sees states in which every unit is either wholly
 * applied or not at all, and I1 holds in them. A read that waits longer than {@code readWait} is a
 * CONCURRENT_MODIFICATION; a read that finds an abandoned unit recovers it first.
 *
 * <p><b>Limits, honestly.</b> The lease is only as good as the clocks and the heartbeat: a process that
 * stops (a pause longer than the lease) while its unit is under way may find, when it resumes, that
 * another process rolled its unit back; it then stops at its next command with CONCURRENT_MODIFICATION,
 * but a command already sent when it resumed lands after the rollback. A commit whose acknowledgement is
 * lost is reported as a failure although it happened (the Idempotency-Key then answers the retry).
 * Store methods called outside {@link #write} each run in a unit of their own.
 */
public final class MongoUnitOfWork implements UnitOfWork, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MongoUnitOfWork.class);

    private final Leases leases;
    private final Shadows shadows;
    private final MongoStoreSettings settings;
    private final Recovery recovery;
    private final ThreadLocal<Map<WorkspaceId, Unit>> held = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<WorkspaceId, ReadScope>> reading = ThreadLocal.withInitial(HashMap::new);
    private final Map<WorkspaceId, ReentrantLock> localLocks = new ConcurrentHashMap<>();
    private final Set<Unit> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;

    MongoUnitOfWork(Leases leases, Shadows shadows, MongoStoreSettings settings) {
        this.leases = leases;
        this.shadows = shadows;
        this.settings = settings;
        this.recovery = new Recovery(
                leases, shadows, settings.nodeId(), unitId -> active.stream().anyMatch(unit -> unit.id.equals(unitId)));
        recoverAbandoned();
        // Two threads: a long recovery by the sweep must never hold up the renewal of live leases.
        this.heartbeat = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "archivist-mongo-leases");
            thread.setDaemon(true);
            return thread;
        });
        long renewMillis = Math.max(100, settings.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        long sweepMillis = settings.sweepEvery().toMillis();
        heartbeat.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * The owner named in this process's leases: the configured node id, else the JVM's own name of the
     * process ({@code pid@host}, which says to an operator reading {@code units} which instance holds a
     * lease), and a random part, so that no two processes, nor two runs of one node, ever share an owner.
     */
    static String newOwner(MongoStoreSettings settings) {
        return settings.nodeId()
                        .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName()) + "#" + UUID.randomUUID();
    }

    @Override
    public <T> T write(WorkspaceId workspace, Supplier<T> work) {
        return reachable(() -> writeInUnit(workspace, work));
    }

    private <T> T writeInUnit(WorkspaceId workspace, Supplier<T> work) {
        if (held.get().containsKey(workspace)) {
            return work.get();
        }
        ReadScope scope = reading.get().get(workspace);
        if (scope != null) {
            scope.wrote = true;
        }
        ReentrantLock local = localLocks.computeIfAbsent(workspace, w -> new ReentrantLock(true));
        lockLocally(local, workspace);
        Unit unit = new Unit(workspace);
        try {
            begin(unit);
            held.get().put(workspace, unit);
            active.add(unit);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error failure) {
                abort(unit, failure);
                throw failure;
            }
            commit(unit);
            return result;
        } finally {
            held.get().remove(workspace);
            active.remove(unit);
            local.unlock();
        }
    }

    @Override
    public <T> T read(WorkspaceId workspace, Supplier<T> work) {
        if (held.get().containsKey(workspace) || reading.get().containsKey(workspace)) {
            return work.get();
        }
        return reachable(() -> readConsistently(workspace, work));
    }

    /**
     * No server answered in time, or the connection broke: the request invites a retry (503), it is no
     * fault of the service's (500). A unit cut short this way is rolled back by recovery, as if the
     * process had died (R8); its client was never told it happened.
     */
    static <T> T reachable(Supplier<T> work) {
        try {
            return work.get();
        } catch (MongoSocketException | MongoTimeoutException unreachable) {
            throw new StoreUnavailableException("the MongoDB server cannot be reached", unreachable);
        }
    }

    /**
     * A read whose result outlives the read around it (a catalog that is cached): it does not join an
     * outer read, since that read's retry would set right what the outer read saw, but not the cache.
     * Inside this thread's own write unit it reads that unit's state, which no one else changes.
     */
    <T> T readAlone(WorkspaceId workspace, Supplier<T> work) {
        if (held.get().containsKey(workspace)) {
            return work.get();
        }
        return readConsistently(workspace, work);
    }

    private <T> T readConsistently(WorkspaceId workspace, Supplier<T> work) {
        long deadline = deadline(settings.readWait().toNanos());
        for (int attempt = 0; ; attempt++) {
            Lease before = leases.read(workspace.value());
            if (!before.idle()) {
                if (!recovery.recoverIfAbandoned(before)) {
                    pause(attempt, deadline, workspace, "a unit of work under way");
                }
                continue;
            }
            ReadScope scope = new ReadScope();
            ReadScope outer = reading.get().put(workspace, scope);
            T result = null;
            RuntimeException failure = null;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                if (outer == null) {
                    reading.get().remove(workspace);
                } else {
                    reading.get().put(workspace, outer);
                }
            }
            if (scope.wrote || before.sameIdleState(leases.read(workspace.value()))) {
                if (failure != null) {
                    throw failure;
                }
                return result;
            }
            pause(attempt, deadline, workspace, "units of work that kept overlapping the read");
        }
    }

    /**
     * Runs a store's write in the unit this thread holds for {@code workspace}, or in a unit of its own
     * when there is none.
     */
    <T> T inUnit(WorkspaceId workspace, java.util.function.Function<Unit, T> write) {
        return write(workspace, () -> {
            Unit unit = held.get().get(workspace);
            unit.requireHeld();
            unit.markWrote();
            return write.apply(unit);
        });
    }

    MongoStoreSettings settings() {
        return settings;
    }

    /** Rolls back or finishes the units whose process is gone. Run at start-up and by the sweep. */
    void recoverAbandoned() {
        recovery.recoverAll();
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
    }

    private void begin(Unit unit) {
        long deadline = deadline(settings.writeWait().toNanos());
        for (int attempt = 0; ; attempt++) {
            if (leases.acquire(unit.workspaceName(), unit.id)) {
                return;
            }
            Lease current = leases.read(unit.workspaceName());
            if (current.idle() || recovery.recoverIfAbandoned(current)) {
                continue;
            }
            pause(attempt, deadline, unit.workspace, "another writer");
        }
    }

    private void commit(Unit unit) {
        String workspace = unit.workspaceName();
        if (unit.lost()) {
            throw Unit.leaseLost(unit.workspace);
        }
        if (!unit.shadowed()) {
            if (!leases.release(workspace, unit.id)) {
                throw Unit.leaseLost(unit.workspace);
            }
            return;
        }
        if (!leases.commit(workspace, unit.id)) {
            throw Unit.leaseLost(unit.workspace);
        }
        try {
            shadows.discard(workspace, unit.id);
            leases.release(workspace, unit.id);
        } catch (RuntimeException e) {
            // Committed: the work stands. The sweep finishes the clean-up once the lease expires.
            LOG.warn("unit {} of workspace {} committed; its clean-up is left to recovery", unit.id, workspace, e);
        }
    }

    private void abort(Unit unit, Throwable failure) {
        if (unit.lost()) {
            return;
        }
        try {
            if (!unit.wrote()) {
                leases.release(unit.workspaceName(), unit.id);
                return;
            }
            shadows.rollback(unit.workspaceName(), unit.id);
            leases.release(unit.workspaceName(), unit.id);
        } catch (RuntimeException e) {
            LOG.warn(
                    "rollback of unit {} of workspace {} failed; recovery will complete it",
                    unit.id,
                    unit.workspaceName(),
                    e);
            failure.addSuppressed(e);
        }
    }

    private void renewLeases() {
        for (Unit unit : active) {
            try {
                if (!leases.renew(unit.workspaceName(), unit.id)) {
                    unit.markLost();
                }
            } catch (RuntimeException e) {
                LOG.warn("could not renew the lease of workspace {}", unit.workspaceName(), e);
            }
        }
    }

    private void sweep() {
        try {
            recoverAbandoned();
        } catch (RuntimeException e) {
            LOG.warn("the sweep for abandoned units failed; it runs again in {}", settings.sweepEvery(), e);
        }
    }

    private void lockLocally(ReentrantLock lock, WorkspaceId workspace) {
        try {
            if (!lock.tryLock(settings.writeWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(workspace, "another writer of this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(workspace, "an interruption");
        }
    }

    /** Waits are measured on the monotonic clock; the lease clock only judges expiry. */
    private static long deadline(long waitNanos) {
        return System.nanoTime() + waitNanos;
    }

    private void pause(int attempt, long deadline, WorkspaceId workspace, String cause) {
        if (System.nanoTime() - deadline > 0) {
            throw busy(workspace, cause);
        }
        try {
            Thread.sleep(Math.min(50, 1L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(workspace, "an interruption");
        }
    }

    private static ArchivistException busy(WorkspaceId workspace, String cause) {
        return new ArchivistException(
                ErrorCode.CONCURRENT_MODIFICATION,
                "workspace " + workspace + " stayed busy (" + cause + "); try again");
    }

    /** A read under way on this thread; a write nested in it means the read must not be run again. */
    private static final class ReadScope {
        boolean wrote;
    }
}
