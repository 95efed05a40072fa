package io.archivist.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which records an archive, a restore or a purge changes (R1-R5, R6 on restore). This is the
 * reference statement of the cascade rules: pure, iterative (a 10,000-deep chain does not
 * overflow the stack), over any {@link RecordGraph}.
 */
public final class CascadePlanner {

    private final RecordGraph graph;

    public CascadePlanner(RecordGraph graph) {
        this.graph = graph;
    }

    /**
     * R1, R2: the active roots and every active dependent, through every path. Dependents that
     * are already archived keep their own operation; by I1 their own dependents are archived
     * too, so the walk stops at them.
     */
    public CascadeSet archive(Collection<RecordId> roots) {
        return walk(roots, root -> !root.archived(), dependent -> !dependent.archived());
    }

    /** R3, R4: the roots and every dependent, archived or not, whichever operation archived it. */
    public CascadeSet purge(Collection<RecordId> roots) {
        return walk(roots, root -> true, dependent -> true);
    }

    /**
     * R5: the archived root, and the dependents archived by the same operation, reached through
     * records of that operation. A candidate comes back only if every parent is active afterwards;
     * otherwise it stays archived, and so do the candidates below it (I1).
     */
    public RestorePlan restore(RecordId rootId, Catalog catalog) {
        StoredRecord root = graph.find(rootId).orElseThrow(() -> ArchivistException.notFound(rootId));
        Lifecycle.requireArchived(root);
        OperationId operation = root.archiveOperation().orElseThrow();
        Map<RecordId, StoredRecord> candidates = new LinkedHashMap<>();
        Deque<StoredRecord> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            StoredRecord current = pending.pop();
            if (candidates.putIfAbsent(current.id(), current) == null) {
                for (StoredRecord dependent : graph.dependentsOf(current.id())) {
                    if (dependent.archiveOperation().filter(operation::equals).isPresent()) {
                        pending.push(dependent);
                    }
                }
            }
        }
        Set<RecordId> restored = new LinkedHashSet<>();
        CountsPerType.Builder counts = CountsPerType.builder();
        List<LeftArchived> left = new ArrayList<>();
        for (StoredRecord candidate : topologicalOrder(candidates)) {
            List<RecordId> archivedParents = new ArrayList<>();
            for (RecordId parentId : candidate.parents()) {
                boolean activeAfter = restored.contains(parentId)
                        || graph.find(parentId).map(p -> !p.archived()).orElse(false);
                if (!activeAfter) {
                    archivedParents.add(parentId);
                }
            }
            if (candidate == root || archivedParents.isEmpty()) {
                restored.add(candidate.id());
                counts.add(candidate.type());
            } else {
                left.add(new LeftArchived(candidate.id(), candidate.type(), archivedParents));
            }
        }
        return new RestorePlan(new CascadeSet(restored, counts.build()), left, uniqueConflicts(restored, catalog));
    }

    /** R6 on restore: restored records whose unique values an active record already holds. */
    private List<UniqueConflict> uniqueConflicts(Set<RecordId> restored, Catalog catalog) {
        List<UniqueConflict> conflicts = new ArrayList<>();
        for (RecordId id : restored) {
            StoredRecord record = graph.find(id).orElseThrow();
            ObjectType type = catalog.require(record.type());
            UniqueValues.of(type, record.attributes())
                    .forEach((attribute, value) -> graph.activeHolder(type.name(), attribute, value)
                            .ifPresent(
                                    holder -> conflicts.add(new UniqueConflict(id, type.name(), attribute, holder))));
        }
        return conflicts;
    }

    private CascadeSet walk(
            Collection<RecordId> roots, Predicate<StoredRecord> rootQualifies, Predicate<StoredRecord> follow) {
        Map<RecordId, StoredRecord> reached = new LinkedHashMap<>();
        Deque<StoredRecord> pending = new ArrayDeque<>();
        for (RecordId rootId : roots) {
            graph.find(rootId).filter(rootQualifies).ifPresent(pending::add);
        }
        while (!pending.isEmpty()) {
            StoredRecord current = pending.pop();
            if (reached.putIfAbsent(current.id(), current) == null) {
                for (StoredRecord dependent : graph.dependentsOf(current.id())) {
                    if (follow.test(dependent) && !reached.containsKey(dependent.id())) {
                        pending.push(dependent);
                    }
                }
            }
        }
        CountsPerType.Builder counts = CountsPerType.builder();
        List<StoredRecord> ordered = topologicalOrder(reached);
        ordered.forEach(r -> counts.add(r.type()));
        return new CascadeSet(
                new LinkedHashSet<>(ordered.stream().map(StoredRecord::id).toList()), counts.build());
    }

    /** Kahn's algorithm over the edges inside {@code records}: parents before dependents. */
    private static List<StoredRecord> topologicalOrder(Map<RecordId, StoredRecord> records) {
        Map<RecordId, Integer> waitingFor = new HashMap<>();
        Map<RecordId, List<StoredRecord>> dependents = new HashMap<>();
        for (StoredRecord record : records.values()) {
            int inside = 0;
            for (RecordId parent : record.parents()) {
                if (records.containsKey(parent)) {
                    inside++;
                    dependents.computeIfAbsent(parent, p -> new ArrayList<>()).add(record);
                }
            }
            waitingFor.put(record.id(), inside);
        }
        Deque<StoredRecord> ready = new ArrayDeque<>();
        records.values().stream().filter(r -> waitingFor.get(r.id()) == 0).forEach(ready::add);
        List<StoredRecord> ordered = new ArrayList<>(records.size());
        while (!ready.isEmpty()) {
            StoredRecord next = ready.poll();
            ordered.add(next);
            for (StoredRecord dependent : dependents.getOrDefault(next.id(), List.of())) {
                if (waitingFor.merge(dependent.id(), -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        return ordered;
    }
}
