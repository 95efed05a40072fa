package io.archivist.adapters.rest;

import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.service.WorkspaceTurns;
import io.archivist.domain.WorkspaceId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * For the tests that need a store call held open: with archivist.test.held-store=true, the store's units
 * of work in the workspace named by {@link #hold} (or its writes only: {@link #holdWrites}) wait for
 * {@link #release}: a read before it starts, a write inside its transaction, holding its connection and its
 * workspace's lock. Other workspaces pass.
 */
@Singleton
@Requires(property = "archivist.test.held-store", value = "true")
final class HeldStore implements BeanCreatedEventListener<UnitOfWork> {

    private static volatile String heldWorkspace;
    private static volatile CountDownLatch released = new CountDownLatch(0);
    private static volatile boolean readsPass;
    private static final AtomicInteger ENTERED = new AtomicInteger();

    static void hold(String workspace) {
        hold(workspace, false);
    }

    static void holdWrites(String workspace) {
        hold(workspace, true);
    }

    private static void hold(String workspace, boolean writesOnly) {
        ENTERED.set(0);
        released = new CountDownLatch(1);
        readsPass = writesOnly;
        heldWorkspace = workspace;
    }

    static void release() {
        heldWorkspace = null;
        released.countDown();
    }

    /** Waits until {@code calls} store calls are held; false if they never all arrive. */
    static boolean awaitHeld(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ENTERED.get() < calls) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public UnitOfWork onCreated(BeanCreatedEvent<UnitOfWork> event) {
        UnitOfWork store = event.getBean();
        if (store instanceof WorkspaceTurns) {
            return store; // the queue in front of the store: it gets the held store's units, held below it
        }
        return new UnitOfWork() {
            @Override
            public <T> T write(WorkspaceId workspace, Supplier<T> work) {
                return store.write(workspace, () -> {
                    gate(workspace, true);
                    return work.get();
                });
            }

            @Override
            public <T> T read(WorkspaceId workspace, Supplier<T> work) {
                gate(workspace, false);
                return store.read(workspace, work);
            }

            @Override
            public <T> T readLatest(WorkspaceId workspace, Supplier<T> work) {
                gate(workspace, false);
                return store.readLatest(workspace, work);
            }
        };
    }

    private static void gate(WorkspaceId workspace, boolean write) {
        if (!workspace.value().equals(heldWorkspace) || (!write && readsPass)) {
            return;
        }
        ENTERED.incrementAndGet();
        try {
            if (!released.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released the held store");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
