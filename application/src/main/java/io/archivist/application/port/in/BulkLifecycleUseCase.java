package io.archivist.application.port.in;

import io.archivist.domain.Role.Permission;

public interface BulkLifecycleUseCase {

    /** What a caller must be allowed to use it (docs/lifecycle.md#roles): checked by the service, and before any replay (R10). */
    Permission PERMISSION = Permission.LIFECYCLE;

    /** R12: up to the configured number of ids (more is a LIMIT_EXCEEDED before any work), each with its own result. */
    BulkResult bulk(BulkCommand command);
}
