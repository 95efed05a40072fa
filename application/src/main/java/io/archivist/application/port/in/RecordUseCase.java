package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.RecordId;

/** Create, read and update records (every role, SPEC §3). */
public interface RecordUseCase {

    RecordView create(CreateRecordCommand command);

    /** R9: an archived record is read-only (RECORD_ARCHIVED). */
    RecordView update(UpdateRecordCommand command);

    /** The record, archived or not; RECORD_NOT_FOUND when purged or unknown. */
    RecordView get(Caller caller, RecordId id);
}
