package io.archivist.application.memory;

import io.archivist.application.port.out.OperationLog;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class InMemoryOperationLog implements OperationLog {

    private final InMemoryStore store;

    InMemoryOperationLog(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void save(Operation operation) {
        store.in(operation.workspace(), tables -> tables.operations.put(operation.id(), operation));
    }

    @Override
    public Optional<Operation> find(WorkspaceId workspace, OperationId id) {
        return store.in(workspace, tables -> Optional.ofNullable(tables.operations.get(id)));
    }

    @Override
    public List<Operation> history(WorkspaceId workspace, RecordId record) {
        return store.in(
                workspace,
                tables -> tables.touched.getOrDefault(record, List.of()).stream()
                        .map(tables.operations::get)
                        .filter(Objects::nonNull)
                        .toList());
    }
}
