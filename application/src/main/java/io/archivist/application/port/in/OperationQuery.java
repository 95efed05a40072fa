package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import java.util.List;

public interface OperationQuery {

    /** The operations that touched a record, oldest first; RECORD_NOT_FOUND once it is purged. */
    List<Operation> history(Caller caller, RecordId id);

    /** One operation; admins read every one of the workspace, other roles only their own (else FORBIDDEN). */
    Operation operation(Caller caller, OperationId id);
}
