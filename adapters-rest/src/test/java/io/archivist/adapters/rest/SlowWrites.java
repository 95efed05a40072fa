package io.archivist.adapters.rest;

import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.service.WorkspaceTurns;
import io.archivist.domain.WorkspaceId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * For the tests that stop a service running in a JVM of its own (ServiceProcess) in the middle of a
 * write: with {@code archivist.test.slow-writes.flag} naming a file, a unit of work that writes while
 * that file exists holds, once its work is done and before it commits, for
 * {@code archivist.test.slow-writes.hold}, and says so in the log ({@link #HOLDING}). The test starts
 * the write, waits for that line, and knows the unit is under way.
 */
@Singleton
@Requires(property = "archivist.test.slow-writes.flag")
final class SlowWrites implements BeanCreatedEventListener<UnitOfWork> {

    static final String HOLDING = "slow-writes: a unit of work holds before its commit";

    private static final ThreadLocal<Boolean> IN_UNIT = ThreadLocal.withInitial(() -> false);

    private final Path flag;
    private final Duration hold;

    SlowWrites(
            @Value("${archivist.test.slow-writes.flag}") String flag,
            @Value("${archivist.test.slow-writes.hold:3s}") Duration hold) {
        this.flag = Path.of(flag);
        this.hold = hold;
    }

    @Override
    public UnitOfWork onCreated(BeanCreatedEvent<UnitOfWork> event) {
        UnitOfWork store = event.getBean();
        if (store instanceof WorkspaceTurns) {
            return store; // the queue in front of the store: it gets the slow store's units
        }
        return new UnitOfWork() {
            @Override
            public <T> T write(WorkspaceId workspace, Supplier<T> work) {
                return store.write(workspace, () -> {
                    if (IN_UNIT.get()) {
                        return work.get(); // a nested unit joins the one under way: it holds once, at its end
                    }
                    IN_UNIT.set(true);
                    try {
                        T result = work.get();
                        holdIfFlagged();
                        return result;
                    } finally {
                        IN_UNIT.set(false);
                    }
                });
            }

            @Override
            public <T> T read(WorkspaceId workspace, Supplier<T> work) {
                return store.read(workspace, work);
            }

            @Override
            public <T> T readLatest(WorkspaceId workspace, Supplier<T> work) {
                return store.readLatest(workspace, work);
            }
        };
    }

    private void holdIfFlagged() {
        if (!Files.exists(flag)) {
            return;
        }
        System.out.println(HOLDING + " for " + hold);
        try {
            Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding a unit of work", e);
        }
    }
}
