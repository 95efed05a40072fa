package io.archivist.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.contract.StorePorts;
import io.archivist.application.contract.TypeSeeds;
import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role.Permission;
import io.archivist.domain.SeedFormat;
import io.archivist.domain.WorkspaceId;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The metrics hear of an operation or a seed import only once its write has committed: never of a unit of work
 * that rolled back, once only of a unit the store ran again, and after the outermost write when one write runs
 * inside another (an Idempotency-Key's). Waits for a turn are told as they end.
 */
class CommittedMetricsTest extends ServiceTestSupport {

    private final Recorded recorded = new Recorded();

    @Test
    void an_archive_is_told_once_it_has_committed_with_its_records_and_its_turn() {
        Tree tree = tree();
        LifecycleService lifecycle = lifecycle(ports().unitOfWork());

        Operation archive = archived(lifecycle, tree.account());

        assertEquals(List.of(archive), recorded.operations);
        assertEquals(5, recorded.operations.get(0).total());
        assertEquals(OperationKind.ARCHIVE, recorded.operations.get(0).kind());
        assertEquals(List.of(true), recorded.turns, "one write, which got its turn");
        assertTrue(recorded.cascades.get(0).compareTo(Duration.ZERO) >= 0);
    }

    @Test
    void a_unit_that_rolls_back_after_its_cascade_tells_nothing() {
        Tree archivedTree = tree();
        archive(archivedTree.account());
        RecordId me = ownUser(manager());
        BulkLifecycleService bulk = bulk(ports().unitOfWork());

        // The purge of the archived tree runs first; then archiving the caller's own user refuses all of it.
        ArchivistException refused = assertThrows(
                ArchivistException.class,
                () -> bulk.bulk(new BulkCommand(
                        manager(), BulkCommand.Action.DELETE, List.of(archivedTree.account(), me), true)));

        assertEquals(ErrorCode.CANNOT_ARCHIVE_SELF, refused.code());
        assertActive(me);
        assertEquals(List.of(), recorded.operations, "the purge was rolled back with its unit: it never happened");
    }

    @Test
    void a_unit_the_store_runs_again_is_told_once() {
        Tree tree = tree();
        UnitOfWork store = ports().unitOfWork();
        int[] runs = {0};
        boolean[] failedOnce = {false};
        // As a store does after a serialization failure: the first run is rolled back, the work runs again.
        UnitOfWork runsTwice = new UnitOfWork() {
            @Override
            public <T> T write(WorkspaceId workspace, Supplier<T> work) {
                if (failedOnce[0]) {
                    return store.write(workspace, work); // a nested write, or the second run
                }
                failedOnce[0] = true;
                try {
                    return store.write(workspace, () -> {
                        work.get();
                        runs[0]++;
                        throw new SerializationFailure();
                    });
                } catch (SerializationFailure again) {
                    return store.write(workspace, work);
                }
            }

            @Override
            public <T> T read(WorkspaceId workspace, Supplier<T> work) {
                return store.read(workspace, work);
            }
        };

        Operation archive = archived(lifecycle(runsTwice), tree.account());

        assertEquals(1, runs[0], "the work ran twice");
        assertEquals(List.of(archive), recorded.operations);
        assertEquals(1, recorded.cascades.size());
    }

    @Test
    void an_archive_inside_an_idempotent_request_is_told_after_the_outer_write() {
        Tree tree = tree();
        WorkspaceTurns turns = turns(ports().unitOfWork());
        LifecycleService lifecycle = lifecycle(turns);
        IdempotencyService idempotency = new IdempotencyService(ports().idempotency(), turns, ports().time());
        List<Integer> toldDuringTheAction = new CopyOnWriteArrayList<>();

        idempotency.once(
                manager(),
                Permission.LIFECYCLE,
                "key-1",
                "fingerprint",
                () -> {
                    noted(lifecycle.archive(LifecycleCommand.of(manager(), tree.account())));
                    toldDuringTheAction.add(recorded.operations.size());
                    return "answer";
                },
                refusal -> "refused");

        assertEquals(List.of(0), toldDuringTheAction, "the remembered answer was not yet committed");
        assertEquals(1, recorded.operations.size());
    }

    @Test
    void a_seed_import_is_told_once_committed_and_a_dry_run_never() {
        StorePorts p = ports();
        WorkspaceId workspace = freshWorkspace();
        SeedImportService seeds = new SeedImportService(
                p.reads(),
                p.writes(),
                p.seedBatches(),
                p.catalogs(),
                p.catalogCache(),
                p.operations(),
                turns(p.unitOfWork()),
                p.time(),
                p.ids(),
                TypeSeeds.reader(TypeSeeds.types(workspace, 3)),
                CatalogService.DEFAULT_MAX_TYPES,
                committed());

        seeds.importSeed(ImportSeedCommand.asSeedActor(
                () -> new ByteArrayInputStream(new byte[0]), SeedFormat.JSON, true, null));
        assertEquals(List.of(), recorded.seeds);
        seeds.importSeed(TypeSeeds.command());
        assertEquals(List.of(workspace), recorded.seeds);
    }

    @Test
    void a_write_that_does_not_get_its_turn_is_told_as_refused() throws Exception {
        WorkspaceTurns turns = new WorkspaceTurns(ports().unitOfWork(), Duration.ofMillis(50), 8, recorded);
        Thread holder = new Thread(() -> turns.write(workspace(), () -> {
            sleep(Duration.ofMillis(500));
            return null;
        }));
        holder.start();
        while (recorded.turns.isEmpty()) {
            sleep(Duration.ofMillis(5));
        }

        assertThrows(ArchivistException.class, () -> turns.write(workspace(), () -> "late"));
        holder.join();

        assertEquals(List.of(true, false), recorded.turns);
        assertTrue(recorded.waits.get(1).compareTo(Duration.ofMillis(50)) >= 0, "it waited its write-wait");
    }

    private Operation archived(LifecycleService lifecycle, RecordId root) {
        LifecycleResult result = noted(lifecycle.archive(LifecycleCommand.of(manager(), root)));
        return result.operation().orElseThrow();
    }

    private WorkspaceTurns turns(UnitOfWork store) {
        return new WorkspaceTurns(store, Duration.ofMinutes(1), 8, recorded);
    }

    private CommittedMetrics committed() {
        return new CommittedMetrics(turns(ports().unitOfWork()), recorded);
    }

    private LifecycleService lifecycle(UnitOfWork store) {
        WorkspaceTurns turns = store instanceof WorkspaceTurns given ? given : turns(store);
        return ports().withUnitOfWork(turns).lifecycleService(policy(), new CommittedMetrics(turns, recorded));
    }

    private BulkLifecycleService bulk(UnitOfWork store) {
        WorkspaceTurns turns = turns(store);
        return ports().withUnitOfWork(turns).bulkLifecycleService(policy(), new CommittedMetrics(turns, recorded));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the metrics were told, in order. */
    private static final class Recorded implements LifecycleMetrics {
        final List<Operation> operations = new CopyOnWriteArrayList<>();
        final List<Duration> cascades = new CopyOnWriteArrayList<>();
        final List<Boolean> turns = new CopyOnWriteArrayList<>();
        final List<Duration> waits = new CopyOnWriteArrayList<>();
        final List<WorkspaceId> seeds = new CopyOnWriteArrayList<>();

        @Override
        public void turnWaited(WorkspaceId workspace, Duration waited, boolean granted) {
            turns.add(granted);
            waits.add(waited);
        }

        @Override
        public void operationCommitted(Operation operation, Duration cascade) {
            operations.add(operation);
            cascades.add(cascade);
        }

        @Override
        public void seedImported(WorkspaceId workspace, long records, Duration took) {
            seeds.add(workspace);
        }
    }

    private static final class SerializationFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
