package io.archivist.application.port.out;

import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Every archive, restore and purge, kept after its records are gone. Which records an operation
 * touched is remembered by the {@link RecordCascades} methods, in the same store.
 * <p>
 * The log also knows, for each archive operation, how many records it still holds archived (those
 * whose {@code archive_operation} is its id), so that the archive operations that still hold some
 * are paged without reading the others ({@link #page} with {@code restorable}). The store keeps that
 * number in the statements (or commands) it runs anyway, never in statements of its own:
 * <ul>
 *   <li>{@link #save} of an archive operation starts it at the records its cascade archived;</li>
 *   <li>{@link #save} of a restore or a purge takes the records its cascade restored or removed
 *       off the archive operations that held them (the store knows which from the cascade it ran in
 *       the same unit of work, {@link RecordCascades#restore} or {@link RecordCascades#purge});</li>
 *   <li>a seed's batch of records imported archived adds them to their operations.</li>
 * </ul>
 */
public interface OperationLog {

    void save(Operation operation);

    Optional<Operation> find(WorkspaceId workspace, OperationId id);

    /** The operations that touched {@code record}, oldest first. */
    List<Operation> history(WorkspaceId workspace, RecordId record);

    /**
     * A keyset page of the log: at most {@code limit} operations matching {@code filter} whose id is
     * before {@code before}, newest first (ids are time-ordered, so this is the order they were logged).
     * Served by an index for every filter: a page never reads the operations it skips.
     */
    List<Logged> page(WorkspaceId workspace, OperationFilter filter, Optional<OperationId> before, int limit);

    /** An operation as the log keeps it: with how many records it still holds archived (0 unless an archive). */
    record Logged(Operation operation, long stillArchived) {}
}
