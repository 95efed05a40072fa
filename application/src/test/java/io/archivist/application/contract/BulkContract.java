package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.BulkResult.Item;
import io.archivist.application.port.in.BulkResult.Outcome;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R12: bulk archive, restore and delete, with a result per id; atomic is all-or-nothing. */
public interface BulkContract extends StoreContractSupport {

    @Test
    default void r12_each_id_gets_its_own_outcome_and_the_admitted_ones_share_one_operation() {
        Tree first = tree();
        RecordId second = account();
        RecordId already = account();
        archive(already);
        RecordId unknown = RecordId.of(UUID.randomUUID());
        RecordId ledger = a(LEDGER).create();

        BulkResult result =
                bulk(Action.ARCHIVE, false, first.account(), already, unknown, second, first.account(), ledger);

        assertEquals(
                List.of(
                        Outcome.ARCHIVED,
                        Outcome.SKIPPED,
                        Outcome.ERROR,
                        Outcome.ARCHIVED,
                        Outcome.SKIPPED,
                        Outcome.ERROR),
                result.items().stream().map(Item::outcome).toList());
        assertEquals(
                Optional.of(ErrorCode.RECORD_NOT_FOUND), result.items().get(2).error());
        assertEquals(
                Optional.of(ErrorCode.ARCHIVE_NOT_SUPPORTED),
                result.items().get(5).error());
        assertEquals(1, result.operations().size());
        Operation operation = result.operations().get(0);
        assertEquals(List.of(first.account(), second), operation.roots());
        assertEquals(
                Map.of(ACCOUNT, 2L, PROJECT, 1L, LABEL, 1L, TASK, 1L, COMMENT, 1L),
                operation.countsPerType().asMap());
        assertArchivedBy(operation, first.all().toArray(RecordId[]::new));
        assertArchivedBy(operation, second);
        assertActive(ledger);
    }

    @Test
    default void r12_an_atomic_bulk_with_one_failing_id_changes_nothing() {
        RecordId account = account();
        RecordId unknown = RecordId.of(UUID.randomUUID());
        WorkspaceSnapshot before = snapshot();

        refused(ErrorCode.RECORD_NOT_FOUND, () -> bulk(Action.ARCHIVE, true, account, unknown));

        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r12_an_atomic_bulk_delete_that_fails_after_its_purge_changes_nothing() {
        Tree tree = tree();
        archive(tree.account());
        RecordId me = ownUser(manager());
        WorkspaceSnapshot before = snapshot();

        refused(ErrorCode.CANNOT_ARCHIVE_SELF, () -> bulk(Action.DELETE, true, tree.account(), me));

        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r12_bulk_delete_archives_active_records_and_purges_archived_ones_and_those_without_archive() {
        RecordId active = account();
        Tree archived = tree();
        archive(archived.account());
        RecordId ledger = a(LEDGER).create();
        RecordId entry = a(ENTRY).under(ledger).create();

        BulkResult result = bulk(Action.DELETE, false, active, archived.account(), ledger, entry);

        assertEquals(
                List.of(Outcome.ARCHIVED, Outcome.PURGED, Outcome.PURGED, Outcome.PURGED),
                result.items().stream().map(Item::outcome).toList(),
                "the entry went with its ledger");
        assertEquals(
                List.of(OperationKind.PURGE, OperationKind.ARCHIVE),
                result.operations().stream().map(Operation::kind).toList());
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L, COMMENT, 1L, LEDGER, 1L, ENTRY, 1L),
                result.operations().get(0).countsPerType().asMap());
        assertArchivedBy(result.operations().get(1), active);
        assertGone(ledger, entry);
        assertGone(archived.all().toArray(RecordId[]::new));
    }

    @Test
    default void r12_bulk_restore_restores_in_order_so_a_parent_first_lets_its_dependent_follow() {
        Tree tree = tree();
        archive(tree.project());
        archive(tree.account());
        RecordId active = account();

        BulkResult result = bulk(Action.RESTORE, false, tree.account(), tree.project(), active);

        assertEquals(
                List.of(Outcome.RESTORED, Outcome.RESTORED, Outcome.SKIPPED),
                result.items().stream().map(Item::outcome).toList());
        assertEquals(1, result.operations().size());
        assertEquals(
                Map.of(ACCOUNT, 1L, LABEL, 1L, PROJECT, 1L, TASK, 1L, COMMENT, 1L),
                result.operations().get(0).countsPerType().asMap());
        assertActive(tree.all().toArray(RecordId[]::new));
    }

    @Test
    default void r12_bulk_restore_reports_a_record_under_an_archived_parent() {
        Tree tree = tree();
        archive(tree.project());
        archive(tree.account());

        BulkResult result = bulk(Action.RESTORE, false, tree.project());

        assertEquals(
                Optional.of(ErrorCode.PARENT_ARCHIVED), result.items().get(0).error());
        assertEquals(List.of(), result.operations());
    }

    @Test
    default void r12_more_ids_than_the_limit_are_refused_before_any_work() {
        BulkLifecycleService limited = ports().bulkLifecycleService(new LifecyclePolicy(2, 100, 1000));
        List<RecordId> ids = List.of(account(), account(), account());
        WorkspaceSnapshot before = snapshot();

        var refusal = refused(
                ErrorCode.LIMIT_EXCEEDED, () -> limited.bulk(new BulkCommand(manager(), Action.DELETE, ids, false)));

        assertEquals(2, refusal.details().get("limit"));
        PlannerOracle.unchanged(before, snapshot());
    }
}
