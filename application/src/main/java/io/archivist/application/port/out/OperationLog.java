package io.archivist.application.port.out;

import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Every archive, restore and purge, kept after its records are gone. Which records an operation
 * touched is remembered by the {@link RecordCascades} methods, in the same store.
 */
public interface OperationLog {

    void save(Operation operation);

    Optional<Operation> find(WorkspaceId workspace, OperationId id);

    /** The operations that touched {@code record}, oldest first. */
    List<Operation> history(WorkspaceId workspace, RecordId record);
}
