package io.archivist.application.port.out;

import io.archivist.domain.Operation;
import io.archivist.domain.WorkspaceId;
import java.time.Duration;

/**
 * What the services tell operators about the work they do (docs/operations.md): how long writes wait for
 * their workspace's turn, each archive, restore and purge with the time its cascade took, and each seed
 * import. Only measurements: an implementation must be quick and must not throw, since it is told after
 * the work is done. Every method does nothing by default, so an implementation reports what it wants.
 */
public interface LifecycleMetrics {

    /** Reports nothing: tests, benchmarks and tools that need no metrics. */
    LifecycleMetrics NONE = new LifecycleMetrics() {};

    /**
     * R14: a write of {@code workspace} waited {@code waited} for its turn; {@code granted} is false when it
     * gave up (the wait ran out, or too many writes were queued) and the client got a 409.
     */
    default void turnWaited(WorkspaceId workspace, Duration waited, boolean granted) {}

    /**
     * An archive, restore or purge has committed; {@code cascade} is how long its cascade took in the store,
     * from the start of the operation to its entry in the log. Never told of a unit of work that rolled back,
     * and once only for a unit that the store ran again.
     */
    default void operationCommitted(Operation operation, Duration cascade) {}

    /** A seed import into {@code workspace} has committed: {@code records} in the seed, imported in {@code took}. */
    default void seedImported(WorkspaceId workspace, long records, Duration took) {}
}
