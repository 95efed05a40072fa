package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R8 through the UnitOfWork port: a unit is all-or-nothing, and a nested unit joins the one under way. */
public interface AtomicityContract extends StoreContractSupport {

    final class Abandon extends RuntimeException {}

    @Test
    default void r8_a_unit_of_work_that_fails_after_a_cascade_changes_nothing_not_even_the_log() {
        Tree tree = tree();
        archive(tree.comment());
        WorkspaceSnapshot before = snapshot();
        Operation archive = operation(OperationKind.ARCHIVE, tree.account());
        Operation purge = operation(OperationKind.PURGE, tree.label());

        assertThrows(
                Abandon.class,
                () -> ports().unitOfWork().write(workspace(), () -> {
                    ports().records().archive(archive);
                    ports().operations().save(archive.finish(archive.roots(), CountsPerType.of(ACCOUNT, 1L)));
                    ports().records().purge(purge);
                    ports().records().insert(newAccount(), Map.of());
                    throw new Abandon();
                }));

        PlannerOracle.unchanged(before, snapshot());
        assertEquals(Optional.empty(), ports().operations().find(workspace(), archive.id()));
    }

    @Test
    default void r14_a_cascade_over_the_limit_is_limit_exceeded_before_anything_changes_and_preview_reports_it() {
        Tree tree = tree();
        LifecycleService limited = ports().lifecycleService(LifecyclePolicy.DEFAULT.withMaxCascadeRecords(4));
        BulkLifecycleService limitedBulk =
                ports().bulkLifecycleService(LifecyclePolicy.DEFAULT.withMaxCascadeRecords(4));
        WorkspaceSnapshot before = snapshot();

        refused(ErrorCode.LIMIT_EXCEEDED, () -> limited.archive(LifecycleCommand.of(manager(), tree.account())));
        refused(
                ErrorCode.LIMIT_EXCEEDED,
                () -> limitedBulk.bulk(
                        new BulkCommand(manager(), BulkCommand.Action.ARCHIVE, List.of(tree.account()), true)));
        assertTrue(limited.preview(manager(), tree.account(), OperationKind.ARCHIVE).blockers().stream()
                .anyMatch(blocker -> blocker.code() == ErrorCode.LIMIT_EXCEEDED));
        PlannerOracle.unchanged(before, snapshot());

        archive(tree.account());
        WorkspaceSnapshot archived = snapshot();
        refused(ErrorCode.LIMIT_EXCEEDED, () -> limited.restore(LifecycleCommand.of(manager(), tree.account())));
        assertTrue(limited.preview(manager(), tree.account(), OperationKind.RESTORE).blockers().stream()
                .anyMatch(blocker -> blocker.code() == ErrorCode.LIMIT_EXCEEDED));
        refused(ErrorCode.LIMIT_EXCEEDED, () -> limited.delete(LifecycleCommand.of(manager(), tree.account())));
        assertTrue(limited.preview(manager(), tree.account(), OperationKind.PURGE).blockers().stream()
                .anyMatch(blocker -> blocker.code() == ErrorCode.LIMIT_EXCEEDED));
        PlannerOracle.unchanged(archived, snapshot());
        // A project's subtree is within the limit, which counts records, not roots.
        long within = noted(limited.archive(LifecycleCommand.of(manager(), tree().project())))
                .operation()
                .orElseThrow()
                .countsPerType()
                .total();
        assertTrue(within > 1 && within <= 4, "archived " + within);
    }

    @Test
    default void r8_a_nested_unit_joins_the_one_under_way_and_fails_with_it() {
        RecordId account = account();
        WorkspaceSnapshot before = snapshot();
        StoredRecord inner = newAccount();

        assertThrows(
                Abandon.class,
                () -> ports().unitOfWork().write(workspace(), () -> {
                    ports().unitOfWork().write(workspace(), () -> {
                        ports().records().insert(inner, Map.of());
                        return null;
                    });
                    ports().records().archive(operation(OperationKind.ARCHIVE, account));
                    throw new Abandon();
                }));

        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r8_a_unit_of_work_that_succeeds_keeps_everything_it_did() {
        RecordId account = account();
        StoredRecord added = newAccount();
        Operation archive = operation(OperationKind.ARCHIVE, account);

        CountsPerType counts = ports().unitOfWork().write(workspace(), () -> {
            ports().records().insert(added, Map.of());
            CountsPerType archived = ports().records().archive(archive);
            ports().operations().save(archive.finish(archive.roots(), archived));
            return archived;
        });
        ledger().created(ACCOUNT);
        ledger().ran(archive);

        assertEquals(CountsPerType.of(ACCOUNT, 1L), counts);
        assertArchivedBy(archive, account);
        assertActive(added.id());
        assertEquals(
                List.of(archive.finish(archive.roots(), counts)),
                ports().operations().history(workspace(), account));
    }

    default Operation operation(OperationKind kind, RecordId... roots) {
        return Operation.begin(
                OperationId.of(UUID.randomUUID()), workspace(), kind, manager().actor(), clock().now(), List.of(roots));
    }

    default StoredRecord newAccount() {
        return StoredRecord.create(
                RecordId.of(UUID.randomUUID()),
                workspace(),
                ACCOUNT,
                Optional.empty(),
                Map.of("name", "direct"),
                List.of(),
                manager().actor(),
                clock().now());
    }
}
