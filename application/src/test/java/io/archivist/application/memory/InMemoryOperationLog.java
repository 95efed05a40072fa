package io.archivist.application.memory;

import io.archivist.application.port.out.OperationLog;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * The reference answer: every operation of the workspace, newest first (ids in their unsigned order, as
     * RecordId compares them), each with the records that carry it counted from the records themselves.
     */
    @Override
    public List<Logged> page(WorkspaceId workspace, OperationFilter filter, Optional<OperationId> before, int limit) {
        return store.in(workspace, tables -> {
            Map<OperationId, Long> held = tables.records.values().stream()
                    .filter(record -> record.archiveOperation().isPresent())
                    .collect(Collectors.groupingBy(
                            record -> record.archiveOperation().get(), Collectors.counting()));
            Comparator<OperationId> order = Comparator.comparing(id -> RecordId.of(id.value()));
            return tables.operations.values().stream()
                    .filter(operation -> before.map(b -> order.compare(operation.id(), b) < 0)
                            .orElse(true))
                    .map(operation -> new Logged(operation, held.getOrDefault(operation.id(), 0L)))
                    .filter(logged -> filter.matches(logged.operation(), logged.stillArchived()))
                    .sorted(Comparator.comparing(
                            (Logged logged) -> logged.operation().id(), order.reversed()))
                    .limit(limit)
                    .toList();
        });
    }
}
