package io.archivist.application.service;

import io.archivist.application.port.in.OperationQuery;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role.Permission;
import java.util.List;

/** The operation log as clients read it. */
public final class OperationService implements OperationQuery {

    private final RecordReads records;
    private final OperationLog operations;
    private final UnitOfWork unitOfWork;

    public OperationService(RecordReads records, OperationLog operations, UnitOfWork unitOfWork) {
        this.records = records;
        this.operations = operations;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<Operation> history(Caller caller, RecordId id) {
        return unitOfWork.read(caller.workspace(), () -> {
            Workspaces.record(records, caller, id);
            return operations.history(caller.workspace(), id);
        });
    }

    @Override
    public Operation operation(Caller caller, OperationId id) {
        Operation operation = operations
                .find(caller.workspace(), id)
                .orElseThrow(() ->
                        new ArchivistException(ErrorCode.OPERATION_NOT_FOUND, "operation " + id + " does not exist"));
        if (!caller.may(Permission.ADMINISTER) && !operation.actor().equals(caller.actor())) {
            // docs/lifecycle.md#roles: a 403 never names another actor.
            throw new ArchivistException(
                    ErrorCode.FORBIDDEN,
                    "operation " + id + " is not yours; only admins read the operations of others");
        }
        return operation;
    }
}
