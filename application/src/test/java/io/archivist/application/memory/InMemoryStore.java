package io.archivist.application.memory;

import io.archivist.application.contract.StorePorts;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reference store, for tests only: every port out over plain maps, one lock per workspace.
 * Each store method takes its workspace's lock, so it is atomic on its own; a unit of work holds
 * the lock throughout (serialised per workspace, nested calls join) and puts the workspace back
 * as it was when the work throws (all-or-nothing).
 */
public final class InMemoryStore implements UnitOfWork {

    /** One workspace: its lock and its current tables (replaced wholesale on rollback). */
    static final class Workspace {
        final ReentrantLock lock = new ReentrantLock();
        Tables tables = new Tables();
    }

    private final Map<WorkspaceId, Workspace> workspaces = new ConcurrentHashMap<>();
    private final InMemoryRecordStore records = new InMemoryRecordStore(this);
    private final InMemoryCatalogStore catalogs = new InMemoryCatalogStore(this);
    private final InMemoryOperationLog operations = new InMemoryOperationLog(this);
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore(this);

    public StorePorts ports(TimeSource time, IdGenerator ids) {
        return StorePorts.of(records, catalogs, operations, this, idempotency, time, ids);
    }

    /** With the wall clock and time-ordered ids, as the service runs. */
    public StorePorts ports() {
        return ports(Instant::now, new TimeOrderedIds());
    }

    @Override
    public <T> T write(WorkspaceId workspace, Supplier<T> work) {
        Workspace state = workspaces.computeIfAbsent(workspace, w -> new Workspace());
        state.lock.lock();
        try {
            if (state.lock.getHoldCount() > 1) {
                return work.get();
            }
            Tables before = state.tables.copy();
            try {
                return work.get();
            } catch (RuntimeException | Error failure) {
                state.tables = before;
                throw failure;
            }
        } finally {
            state.lock.unlock();
        }
    }

    @Override
    public <T> T read(WorkspaceId workspace, Supplier<T> work) {
        return in(workspace, tables -> work.get());
    }

    /** Runs {@code step} on the workspace's tables under its lock; a step checks everything before it changes anything. */
    <T> T in(WorkspaceId workspace, Function<Tables, T> step) {
        Workspace state = workspaces.computeIfAbsent(workspace, w -> new Workspace());
        state.lock.lock();
        try {
            return step.apply(state.tables);
        } finally {
            state.lock.unlock();
        }
    }

    Iterable<WorkspaceId> workspaces() {
        return workspaces.keySet();
    }
}
