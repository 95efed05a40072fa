package io.archivist.application.port.in;

public interface BulkLifecycleUseCase {

    /** R12: up to the configured number of ids (more is a LIMIT_EXCEEDED before any work), each with its own result. */
    BulkResult bulk(BulkCommand command);
}
