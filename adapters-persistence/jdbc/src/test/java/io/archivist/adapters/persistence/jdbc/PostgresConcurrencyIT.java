package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.contract.Invariants;
import io.archivist.application.contract.Ledger;
import io.archivist.application.contract.StorePorts;
import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.CreateRecordCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.RecordService;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R8 on PostgreSQL, under more pressure than the kit's concurrency contract: eight writers in two
 * workspaces archive, restore, purge (one by one and in bulk) and create children over overlapping
 * subtrees, while a reader checks I1-I3 in every state it can observe; afterwards I1-I4 hold.
 * Deadlocks are retried, and a failure that keeps coming back ends as CONCURRENT_MODIFICATION.
 */
class PostgresConcurrencyIT {

    private static final Set<ErrorCode> RACES = EnumSet.of(
            ErrorCode.RECORD_NOT_FOUND,
            ErrorCode.PARENT_ARCHIVED,
            ErrorCode.NOT_ARCHIVED,
            ErrorCode.UNIQUE_CONFLICT,
            ErrorCode.RECORD_ARCHIVED,
            ErrorCode.VALIDATION_FAILED,
            ErrorCode.CONCURRENT_MODIFICATION);
    private static final int WRITERS_PER_WORKSPACE = 4;
    private static final int STEPS = 80;

    private final List<WorkspaceId> used = new ArrayList<>();

    @AfterEach
    void forgetWorkspaces() {
        used.forEach(TestDatabase.POSTGRESQL::forget);
    }

    /** One workspace under load: its callers, its services, what was created in it. */
    private final class Space {
        final WorkspaceId workspace = WorkspaceId.of("pg-r8-" + UUID.randomUUID());
        final Caller manager = Caller.user("manager", workspace, Set.of(Role.JOURNEY_MANAGER));
        final Caller admin = Caller.user("admin", workspace, Set.of(Role.ADMIN));
        final Ledger ledger = new Ledger();
        final List<RecordId> projects = new CopyOnWriteArrayList<>();
        final List<RecordId> labels = new CopyOnWriteArrayList<>();
        final List<RecordId> known = new CopyOnWriteArrayList<>();
        final StorePorts ports;
        final RecordService records;
        final LifecycleService lifecycle;
        final BulkLifecycleService bulk;

        Space(StorePorts ports) {
            this.ports = ports;
            used.add(workspace);
            records = ports.recordService();
            lifecycle = ports.lifecycleService(LifecyclePolicy.DEFAULT);
            bulk = ports.bulkLifecycleService(LifecyclePolicy.DEFAULT);
            CatalogService catalog = ports.catalogService();
            catalog.define(admin, type("account"));
            catalog.define(
                    admin, new ObjectType("project", true, List.of("account"), List.of("code"), Optional.empty()));
            catalog.define(admin, type("label", "account"));
            catalog.define(admin, type("task", "project", "label"));
            catalog.define(admin, type("comment", "task"));
            for (int i = 0; i < 3; i++) {
                RecordId account = create("account", Map.of());
                for (int p = 0; p < 2; p++) {
                    projects.add(create("project", Map.of("code", "p" + i + p), account));
                }
                labels.add(create("label", Map.of(), account));
            }
        }

        RecordId create(String type, Map<String, Object> attributes, RecordId... parents) {
            RecordId id = records.create(
                            new CreateRecordCommand(manager, type, Optional.empty(), attributes, List.of(parents)))
                    .record()
                    .id();
            ledger.created(type);
            known.add(id);
            return id;
        }

        void step(Random random) {
            RecordId target = known.get(random.nextInt(known.size()));
            int action = random.nextInt(12);
            if (action < 3) {
                ledger.ran(
                        lifecycle.delete(LifecycleCommand.of(manager, target)).operation());
            } else if (action < 5) {
                ledger.ran(
                        lifecycle.restore(LifecycleCommand.of(manager, target)).operation());
            } else if (action < 7) {
                BulkCommand.Action kind = BulkCommand.Action.values()[random.nextInt(3)];
                BulkResult result = bulk.bulk(new BulkCommand(
                        manager, kind, List.of(target, known.get(random.nextInt(known.size()))), random.nextBoolean()));
                ledger.ran(result.operations());
            } else if (action < 10) {
                create(
                        "task",
                        Map.of(),
                        projects.get(random.nextInt(projects.size())),
                        labels.get(random.nextInt(labels.size())));
            } else if (action < 11) {
                create("comment", Map.of(), target);
            } else {
                // R6 races: a project code from a small set.
                create("project", Map.of("code", "p" + random.nextInt(4) + random.nextInt(2)), known.get(0));
            }
        }
    }

    private static ObjectType type(String name, String... parents) {
        return new ObjectType(name, true, List.of(parents), List.of(), Optional.empty());
    }

    @Test
    void r8_writers_over_overlapping_subtrees_never_break_i1_to_i4_on_postgresql() throws Exception {
        StorePorts ports = StoreFixture.ports(TestDatabase.POSTGRESQL.database());
        List<Space> spaces = List.of(new Space(ports), new Space(ports));
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Void>> writers = new ArrayList<>();
        for (Space space : spaces) {
            for (int w = 0; w < WRITERS_PER_WORKSPACE; w++) {
                Random random = new Random(1123L * (w + 1) + spaces.indexOf(space));
                writers.add(() -> {
                    start.await();
                    for (int step = 0; step < STEPS; step++) {
                        try {
                            space.step(random);
                        } catch (ArchivistException refused) {
                            if (!RACES.contains(refused.code())) {
                                seen.add("unexpected refusal " + refused.code() + ": " + refused.getMessage());
                            }
                        }
                    }
                    return null;
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers.size() + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                start.await();
                while (writing.get()) {
                    for (Space space : spaces) {
                        Invariants.violations(ports, space.workspace, Optional.empty())
                                .forEach(v -> seen.add("a reader saw " + v));
                        reads.incrementAndGet();
                    }
                }
                return null;
            });
            List<Future<Void>> running = writers.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> writer : running) {
                writer.get(10, TimeUnit.MINUTES); // bounds a hang, never times the work
            }
            writing.set(false);
            reader.get(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(seen.isEmpty(), String.join("\n", seen));
        assertTrue(reads.get() > 0, "the reader observed the workspaces while they changed");
        for (Space space : spaces) {
            List<String> violations = Invariants.violations(ports, space.workspace, Optional.of(space.ledger));
            assertTrue(violations.isEmpty(), "I1-I4 after the run: " + violations);
        }
    }
}
