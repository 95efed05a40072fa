package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role.Permission;

/** Create, read and update records (every role, docs/lifecycle.md#roles). */
public interface RecordUseCase {

    /** What a caller must be allowed to use it (docs/lifecycle.md#roles): checked by the service, and before any replay (R10). */
    Permission PERMISSION = Permission.WRITE_RECORDS;

    RecordView create(CreateRecordCommand command);

    /** R9: an archived record is read-only (RECORD_ARCHIVED). */
    RecordView update(UpdateRecordCommand command);

    /** The record, archived or not; RECORD_NOT_FOUND when purged or unknown. */
    RecordView get(Caller caller, RecordId id);
}
