package io.archivist.application.memory;

import io.archivist.application.memory.Tables.Slot;
import io.archivist.application.memory.Tables.TypeKey;
import io.archivist.application.port.out.CascadeOutline;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.domain.Blocker;
import io.archivist.domain.CascadePlanner;
import io.archivist.domain.CascadeSet;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.RestorePlan;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reference record ports (reads, writes, cascades, seed batches): the cascades are the domain's {@link CascadePlanner} run over
 * the workspace's maps. Every write checks all it refuses (DUPLICATE_KEY, UNIQUE_CONFLICT, missing
 * or archived parents, stale versions) before it changes anything.
 */
final class InMemoryRecordStore implements RecordReads, RecordWrites, RecordCascades, SeedBatches {

    private final InMemoryStore store;

    InMemoryRecordStore(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<StoredRecord> find(WorkspaceId workspace, RecordId id) {
        return store.in(workspace, tables -> tables.find(id));
    }

    @Override
    public List<StoredRecord> findAll(WorkspaceId workspace, Collection<RecordId> ids) {
        return store.in(
                workspace,
                tables -> new LinkedHashSet<>(ids)
                        .stream()
                                .map(tables.records::get)
                                .filter(Objects::nonNull)
                                .toList());
    }

    @Override
    public Optional<StoredRecord> findByKey(WorkspaceId workspace, String type, String key) {
        return store.in(
                workspace,
                tables -> Optional.ofNullable(tables.keys.get(new TypeKey(type, key)))
                        .map(tables.records::get));
    }

    @Override
    public Optional<RecordId> activeHolder(
            WorkspaceId workspace, String type, String attribute, String canonicalValue) {
        return store.in(workspace, tables -> tables.activeHolder(type, attribute, canonicalValue));
    }

    @Override
    public List<StoredRecord> page(
            WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit) {
        // The reference: the domain's own rules (RecordFilter.matches, order, after) over every record.
        return store.in(
                workspace,
                tables -> tables.records.values().stream()
                        .filter(record -> filter.matches(record, archiveActor(tables, record)))
                        .filter(record -> after.map(position -> filter.after(record, position))
                                .orElse(true))
                        .sorted(filter.order())
                        .limit(limit)
                        .toList());
    }

    private static Optional<String> archiveActor(Tables tables, StoredRecord record) {
        return record.archiveOperation().map(tables.operations::get).map(Operation::actor);
    }

    @Override
    public void insert(StoredRecord record, Map<String, String> uniqueValues) {
        insertAll(List.of(new RecordWithUniqueValues(record, uniqueValues)));
    }

    @Override
    public void insertAll(List<RecordWithUniqueValues> batch) {
        if (batch.isEmpty()) {
            return;
        }
        store.in(workspaceOf(batch), tables -> {
            // Checked against the tables plus the records of the batch before them, then applied.
            Tables trial = tables.copy();
            for (RecordWithUniqueValues item : batch) {
                TableWrites.requireInsertable(trial, item.record(), item.uniqueValues());
                TableWrites.apply(trial, item.record(), item.uniqueValues());
            }
            batch.forEach(item -> TableWrites.apply(tables, item.record(), item.uniqueValues()));
            return null;
        });
    }

    @Override
    public void update(StoredRecord updated, Map<String, String> uniqueValues) {
        updateAll(List.of(new RecordWithUniqueValues(updated, uniqueValues)));
    }

    @Override
    public void updateAll(List<RecordWithUniqueValues> batch) {
        if (batch.isEmpty()) {
            return;
        }
        store.in(workspaceOf(batch), tables -> {
            Tables trial = tables.copy();
            for (RecordWithUniqueValues item : batch) {
                TableWrites.replace(trial, item.record(), item.uniqueValues());
            }
            batch.forEach(item -> TableWrites.replace(tables, item.record(), item.uniqueValues()));
            return null;
        });
    }

    private static WorkspaceId workspaceOf(List<RecordWithUniqueValues> batch) {
        WorkspaceId workspace = batch.get(0).record().workspace();
        if (batch.stream().anyMatch(item -> !item.record().workspace().equals(workspace))) {
            throw new IllegalArgumentException("a batch stays inside one workspace");
        }
        return workspace;
    }

    @Override
    public boolean archiveReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target) {
        return store.in(
                workspace, tables -> new CascadePlanner(tables).archive(roots).contains(target));
    }

    @Override
    public boolean purgeReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target) {
        return store.in(
                workspace, tables -> new CascadePlanner(tables).purge(roots).contains(target));
    }

    @Override
    public CascadeOutline outlineArchive(WorkspaceId workspace, Collection<RecordId> roots, int named) {
        return store.in(workspace, tables -> {
            CascadeSet set = new CascadePlanner(tables).archive(roots);
            return new CascadeOutline(set.countsPerType(), first(tables, set.ids(), named), Map.of());
        });
    }

    /** The reference answer: every archive operation of the set, the largest first (then by id). */
    @Override
    public CascadeOutline outlinePurge(WorkspaceId workspace, Collection<RecordId> roots, int named) {
        return store.in(workspace, tables -> {
            CascadeSet set = new CascadePlanner(tables).purge(roots);
            Map<OperationId, Long> held = set.ids().stream()
                    .map(tables.records::get)
                    .filter(record -> record.archiveOperation().isPresent())
                    .collect(Collectors.groupingBy(
                            record -> record.archiveOperation().get(), Collectors.counting()));
            Map<OperationId, Long> largestFirst = new LinkedHashMap<>();
            held.entrySet().stream()
                    .sorted(Map.Entry.<OperationId, Long>comparingByValue()
                            .reversed()
                            .thenComparing(entry -> RecordId.of(entry.getKey().value())))
                    .limit(named + (long) roots.size())
                    .forEach(entry -> largestFirst.put(entry.getKey(), entry.getValue()));
            return new CascadeOutline(set.countsPerType(), first(tables, set.ids(), named), largestFirst);
        });
    }

    @Override
    public RestoreOutline outlineRestore(WorkspaceId workspace, RecordId root, int listLimit, int named) {
        return store.in(workspace, tables -> {
            RestorePlan plan = new CascadePlanner(tables).restore(root, tables.catalog());
            return new RestoreOutline(
                    plan.restored().countsPerType(),
                    plan.leftArchived().stream().limit(listLimit).toList(),
                    plan.conflicts().stream().limit(listLimit).toList(),
                    first(tables, plan.restored().ids(), named));
        });
    }

    /** R13: the first {@code named} records of each type among {@code ids}, in id order. */
    private static List<StoredRecord> first(Tables tables, Collection<RecordId> ids, int named) {
        Map<String, Long> taken = new HashMap<>();
        return ids.stream()
                .sorted()
                .map(tables.records::get)
                .filter(record -> taken.merge(record.type(), 1L, Long::sum) <= named)
                .toList();
    }

    @Override
    public CountsPerType archive(Operation operation, long maxRecords) {
        return store.in(operation.workspace(), tables -> {
            CascadeSet set = new CascadePlanner(tables).archive(operation.roots());
            Blocker.requireCascadeWithin(set.countsPerType(), maxRecords);
            for (RecordId id : set.ids()) {
                StoredRecord record = tables.records.get(id);
                tables.free(record);
                tables.records.put(id, record.archivedBy(operation.id(), operation.actor(), operation.at()));
                tables.touch(id, operation.id());
            }
            return set.countsPerType();
        });
    }

    @Override
    public Restored restore(RecordId root, Operation operation, int listLimit, long maxRecords) {
        return store.in(operation.workspace(), tables -> {
            RestorePlan plan = new CascadePlanner(tables).restore(root, tables.catalog());
            // I1 holds even if a caller skipped its own check of the root's parents.
            Lifecycle.requireParentsActive(
                    root,
                    tables.records.get(root).parents().stream()
                            .map(tables.records::get)
                            .toList());
            if (!plan.conflicts().isEmpty()) {
                throw plan.conflicts().get(0).toException();
            }
            requireNoConflictWithin(tables, plan);
            Blocker.requireCascadeWithin(plan.restored().countsPerType(), maxRecords);
            for (RecordId id : plan.restored().ids()) {
                StoredRecord restored = tables.records.get(id).restoredBy(operation.actor(), operation.at());
                tables.records.put(id, restored);
                tables.claim(restored);
                tables.touch(id, operation.id());
            }
            return new Restored(
                    plan.restored().countsPerType(),
                    plan.leftArchived().stream().limit(listLimit).toList());
        });
    }

    /** Two records of one restore that would share a unique value (possible only after a change of unique attributes). */
    private static void requireNoConflictWithin(Tables tables, RestorePlan plan) {
        Map<Slot, RecordId> claimed = new HashMap<>();
        for (RecordId id : plan.restored().ids()) {
            StoredRecord record = tables.records.get(id);
            tables.uniqueValues.getOrDefault(id, Map.of()).forEach((attribute, value) -> {
                RecordId other = claimed.putIfAbsent(new Slot(record.type(), attribute, value), id);
                if (other != null) {
                    throw new UniqueConflict(id, record.type(), attribute, other).toException();
                }
            });
        }
    }

    @Override
    public CountsPerType purge(Operation operation, long maxRecords) {
        return store.in(operation.workspace(), tables -> {
            CascadeSet set = new CascadePlanner(tables).purge(operation.roots());
            Blocker.requireCascadeWithin(set.countsPerType(), maxRecords);
            Map<RecordId, String> removed = new LinkedHashMap<>();
            for (RecordId id : set.ids()) {
                StoredRecord record = tables.records.remove(id);
                if (!record.archived()) {
                    tables.free(record);
                }
                tables.uniqueValues.remove(id);
                record.key().ifPresent(key -> tables.keys.remove(new TypeKey(record.type(), key)));
                record.parents().forEach(parent -> {
                    var siblings = tables.dependents.get(parent);
                    if (siblings != null) {
                        siblings.remove(id);
                    }
                });
                tables.dependents.remove(id);
                tables.touch(id, operation.id());
                removed.put(id, record.type());
            }
            tables.purged.put(operation.id(), removed);
            return set.countsPerType();
        });
    }

    @Override
    public List<RecordId> archivedBefore(WorkspaceId workspace, String type, Instant cutoff, int limit) {
        return store.in(
                workspace,
                tables -> tables.records.values().stream()
                        .filter(record -> record.type().equals(type)
                                && record.archived()
                                && !record.deletedAt().orElseThrow().isAfter(cutoff))
                        .sorted(Comparator.comparing((StoredRecord record) ->
                                        record.deletedAt().orElseThrow())
                                .thenComparing(StoredRecord::id))
                        .limit(limit)
                        .map(StoredRecord::id)
                        .toList());
    }

    @Override
    public void reindexUnique(WorkspaceId workspace, ObjectType type) {
        store.in(workspace, tables -> {
            TableWrites.reindex(tables, type);
            return null;
        });
    }
}
