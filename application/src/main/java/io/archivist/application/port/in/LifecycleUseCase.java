package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.OperationKind;
import io.archivist.domain.Preview;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role.Permission;

/** The lifecycle actions of docs/lifecycle.md, for SUPER_ADMIN, ADMIN and JOURNEY_MANAGER. */
public interface LifecycleUseCase {

    /** What a caller must be allowed to use it (docs/lifecycle.md#roles): checked by the service, and before any replay (R10). */
    Permission PERMISSION = Permission.LIFECYCLE;

    /** R1, R3, R4: archives an active record of an archivable type, otherwise purges. */
    LifecycleResult delete(LifecycleCommand command);

    /** R1: archives; UNCHANGED for a record already archived; ARCHIVE_NOT_SUPPORTED for other types. */
    LifecycleResult archive(LifecycleCommand command);

    /** R5: restores exactly what was archived together with the record. */
    LifecycleResult restore(LifecycleCommand command);

    /** R13: what {@code action} on the record would do; changes nothing. */
    Preview preview(Caller caller, RecordId id, OperationKind action);

    /**
     * The PATCH forms ({@code archived}, {@code is_archived}, {@code in_trash}): true archives,
     * false restores, and asking for the state the record already has is UNCHANGED.
     */
    LifecycleResult setArchived(LifecycleCommand command, boolean archived);
}
