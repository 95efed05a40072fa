package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.contract.StorePorts;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.CascadePlanner;
import io.archivist.domain.CascadeSet;
import io.archivist.domain.Catalog;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.RestorePlan;
import io.archivist.domain.StoredRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A seeded random history of creates, archives, restores and purges over a graph with diamonds,
 * chains and shared unique values; after every step the store's cascades (recursive SQL, or
 * level-by-level walks on H2) must give exactly CascadePlanner's sets, and I1, I2 must hold.
 */
class CascadeAgainstPlannerIT {

    private static final ObjectType ORG = new ObjectType("org", true, List.of(), List.of(), Optional.empty());
    private static final ObjectType PROJ = new ObjectType("proj", true, List.of("org"), List.of(), Optional.empty());
    private static final ObjectType TASK =
            new ObjectType("task", true, List.of("proj"), List.of("code"), Optional.empty());
    private static final ObjectType SUB =
            new ObjectType("sub", true, List.of("task", "proj"), List.of("code"), Optional.empty());
    private static final Catalog CATALOG = Catalog.of(List.of(ORG, PROJ, TASK, SUB));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void r1_r3_r5_cascades_match_the_planner_over_a_random_history(TestDatabase database) {
        try (StoreFixture store = new StoreFixture(database)) {
            Random random = new Random(20261123L + database.ordinal());
            List<RecordId> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                create(store, random, ids);
            }
            for (int step = 0; step < 150; step++) {
                SnapshotGraph graph = new SnapshotGraph(store.all(), CATALOG);
                graph.requireInvariants();
                List<StoredRecord> present = List.copyOf(graph.records().values());
                List<StoredRecord> active =
                        present.stream().filter(r -> !r.archived()).toList();
                // R5: the service refuses (PARENT_ARCHIVED) a root whose own parent is archived; so do we here.
                List<StoredRecord> restorable = present.stream()
                        .filter(StoredRecord::archived)
                        .filter(r -> r.parents().stream()
                                .noneMatch(p -> graph.records().get(p).archived()))
                        .toList();
                int action = random.nextInt(20);
                if (present.size() < 5 || action < 4) {
                    create(store, random, ids);
                    continue;
                }
                RecordId other = present.get(random.nextInt(present.size())).id();
                if (action < 11 && !restorable.isEmpty()) {
                    RecordId root =
                            restorable.get(random.nextInt(restorable.size())).id();
                    checkReads(store, graph, List.of(root), other);
                    restore(store, graph, root);
                    continue;
                }
                List<StoredRecord> pool = action < 18 && !active.isEmpty() ? active : present;
                RecordId target = pool.get(random.nextInt(pool.size())).id();
                List<RecordId> roots = random.nextInt(4) == 0
                        ? List.of(target, other).stream().distinct().toList()
                        : List.of(target);
                checkReads(store, graph, roots, other);
                if (action < 18) {
                    archive(store, graph, roots);
                } else {
                    purge(store, graph, roots);
                }
            }
            new SnapshotGraph(store.all(), CATALOG).requireInvariants();
        }
    }

    private static void create(StoreFixture store, Random random, List<RecordId> ids) {
        SnapshotGraph graph = new SnapshotGraph(store.all(), CATALOG);
        List<StoredRecord> active =
                graph.records().values().stream().filter(r -> !r.archived()).toList();
        List<StoredRecord> orgs =
                active.stream().filter(r -> r.type().equals("org")).toList();
        List<StoredRecord> projs =
                active.stream().filter(r -> r.type().equals("proj")).toList();
        List<StoredRecord> projOrTask = active.stream()
                .filter(r -> r.type().equals("proj") || r.type().equals("task"))
                .toList();
        int kind = random.nextInt(10);
        if (orgs.isEmpty() || kind == 0) {
            ids.add(store.create(ORG, Map.of("name", "o" + ids.size())).id());
        } else if (projs.isEmpty() || kind < 3) {
            List<RecordId> parents = pick(random, orgs, 1 + random.nextInt(2));
            ids.add(store.create(PROJ, Map.of(), parents.toArray(RecordId[]::new))
                    .id());
        } else {
            ObjectType type = kind < 6 ? TASK : SUB;
            List<RecordId> parents = pick(random, type == TASK ? projs : projOrTask, 1 + random.nextInt(2));
            String code = "c" + random.nextInt(6);
            try {
                ids.add(store.create(type, Map.of("code", code), parents.toArray(RecordId[]::new))
                        .id());
            } catch (ArchivistException refused) {
                assertEquals(ErrorCode.UNIQUE_CONFLICT, refused.code(), refused.getMessage());
                assertTrue(
                        graph.activeHolder(type.name(), "code", "s:" + code).isPresent(), "refused without a holder");
            }
        }
    }

    private static List<RecordId> pick(Random random, List<StoredRecord> from, int count) {
        Set<RecordId> picked = new HashSet<>();
        for (int i = 0; i < count; i++) {
            picked.add(from.get(random.nextInt(from.size())).id());
        }
        return new ArrayList<>(picked);
    }

    private static void checkReads(StoreFixture store, SnapshotGraph graph, List<RecordId> roots, RecordId target) {
        StorePorts.Records records = store.ports.records();
        CascadePlanner planner = new CascadePlanner(graph);
        CascadeSet archive = planner.archive(roots);
        CascadeSet purge = planner.purge(roots);
        store.ports.unitOfWork().read(store.workspace, () -> {
            assertEquals(archive.countsPerType(), records.countArchive(store.workspace, roots), "R13 archive counts");
            assertEquals(purge.countsPerType(), records.countPurge(store.workspace, roots), "R13 purge counts");
            assertEquals(
                    archive.contains(target),
                    records.archiveReaches(store.workspace, roots, target),
                    "R7 archive reach");
            assertEquals(
                    purge.contains(target), records.purgeReaches(store.workspace, roots, target), "R7 purge reach");
            return null;
        });
    }

    private static void archive(StoreFixture store, SnapshotGraph graph, List<RecordId> roots) {
        CascadeSet expected = new CascadePlanner(graph).archive(roots);
        Operation operation = operation(store, OperationKind.ARCHIVE, roots);
        CountsPerType counts = store.ports
                .unitOfWork()
                .write(store.workspace, () -> store.ports.records().archive(operation));
        assertEquals(expected.countsPerType(), counts, "R1 counts");
        Map<RecordId, StoredRecord> after = byId(store.all());
        for (StoredRecord before : graph.records().values()) {
            StoredRecord now = after.get(before.id());
            if (expected.contains(before.id())) {
                assertEquals(Optional.of(operation.id()), now.archiveOperation(), "R1 archived by the operation");
                assertEquals(Optional.of(operation.at()), now.deletedAt());
                assertEquals(before.version() + 1, now.version());
            } else {
                assertEquals(before, now, "R2 untouched");
            }
        }
    }

    private static void purge(StoreFixture store, SnapshotGraph graph, List<RecordId> roots) {
        CascadeSet expected = new CascadePlanner(graph).purge(roots);
        Operation operation = operation(store, OperationKind.PURGE, roots);
        CountsPerType counts = store.ports
                .unitOfWork()
                .write(store.workspace, () -> store.ports.records().purge(operation));
        assertEquals(expected.countsPerType(), counts, "R3 counts");
        Map<RecordId, StoredRecord> after = byId(store.all());
        for (StoredRecord before : graph.records().values()) {
            assertEquals(!expected.contains(before.id()), after.containsKey(before.id()), "R3 purged exactly the set");
        }
    }

    private static void restore(StoreFixture store, SnapshotGraph graph, RecordId root) {
        RestorePlan plan = new CascadePlanner(graph).restore(root, CATALOG);
        RestoreOutline outline = store.ports
                .unitOfWork()
                .read(store.workspace, () -> store.ports.records().outlineRestore(store.workspace, root, 1000));
        assertEquals(plan.restored().countsPerType(), outline.countsPerType(), "R5 outline counts");
        assertEquals(
                asSet(plan.leftArchived()), asSet(outline.leftArchived()), "R5 left archived, with parents in order");
        assertEquals(Set.copyOf(plan.conflicts()), Set.copyOf(outline.conflicts()), "R6 conflicts");
        Operation operation = operation(store, OperationKind.RESTORE, List.of(root));
        if (!plan.conflicts().isEmpty()) {
            ArchivistException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    ArchivistException.class,
                    () -> store.ports
                            .unitOfWork()
                            .write(store.workspace, () -> store.ports.records().restore(root, operation, 1000)));
            assertEquals(ErrorCode.UNIQUE_CONFLICT, refused.code());
            assertEquals(
                    byId(List.copyOf(graph.records().values())),
                    byId(store.all()),
                    "R6 refused restore changes nothing");
            return;
        }
        RecordCascades.Restored restored = store.ports
                .unitOfWork()
                .write(store.workspace, () -> store.ports.records().restore(root, operation, 1000));
        assertEquals(plan.restored().countsPerType(), restored.countsPerType(), "R5 counts");
        assertEquals(
                asSet(plan.leftArchived()),
                asSet(restored.leftArchived()),
                "R5 left archived, as the restore reports it");
        Map<RecordId, StoredRecord> after = byId(store.all());
        for (StoredRecord before : graph.records().values()) {
            StoredRecord now = after.get(before.id());
            if (plan.restored().contains(before.id())) {
                assertTrue(!now.archived(), "R5 restored " + before.id());
            } else {
                assertEquals(before, now, "R5 untouched");
            }
        }
    }

    private static Set<String> asSet(List<LeftArchived> left) {
        return left.stream()
                .map(l -> l.id() + ":" + l.type() + ":" + l.archivedParents())
                .collect(Collectors.toSet());
    }

    private static Operation operation(StoreFixture store, OperationKind kind, List<RecordId> roots) {
        return Operation.begin(
                OperationId.of(store.newId().value()),
                store.workspace,
                kind,
                "tester",
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                roots);
    }

    private static Map<RecordId, StoredRecord> byId(List<StoredRecord> records) {
        return records.stream().collect(Collectors.toMap(StoredRecord::id, r -> r));
    }
}
