package io.archivist.application.contract;

import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the kit did to one workspace, so that I4 (created = active + archived + purged, per type)
 * can be checked: records it created, and the operations it ran (the purged counts come from the
 * operation log). Thread-safe, for the concurrency contract.
 */
public final class Ledger {

    private final Map<String, AtomicLong> created = new ConcurrentHashMap<>();
    private final Collection<OperationId> operations = new ConcurrentLinkedQueue<>();

    public void created(String type) {
        created.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
    }

    public void ran(Operation operation) {
        operations.add(operation.id());
    }

    public void ran(Optional<Operation> operation) {
        operation.ifPresent(this::ran);
    }

    public void ran(Collection<Operation> operations) {
        operations.forEach(this::ran);
    }

    public Map<String, Long> createdPerType() {
        Map<String, Long> counts = new TreeMap<>();
        created.forEach((type, n) -> counts.put(type, n.get()));
        return counts;
    }

    public List<OperationId> operations() {
        return List.copyOf(operations);
    }
}
