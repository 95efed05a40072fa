package io.archivist.application.port.in;

import io.archivist.domain.Role.Permission;

/** {@code POST /operations/{id}/restore}: the console's Undo of an archive. */
public interface RestoreOperationUseCase {

    /** What a caller must be allowed to use it (docs/lifecycle.md#roles): checked by the service, and before any replay (R10). */
    Permission PERMISSION = Permission.LIFECYCLE;

    /**
     * R5 for every root the archive operation still holds, as one restore operation and all-or-nothing:
     * OPERATION_NOT_FOUND for an unknown one (or another workspace's), FORBIDDEN for another actor's unless
     * an admin asks, NOT_AN_ARCHIVE_OPERATION for a restore or a purge, NOT_ARCHIVED when it holds no root
     * any more, and every refusal a record's restore has (PARENT_ARCHIVED, UNIQUE_CONFLICT, LIMIT_EXCEEDED).
     * The result has the record when the operation has one root.
     */
    LifecycleResult restore(RestoreOperationCommand command);
}
