package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.application.port.in.RestoreOperationCommand;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.CascadeSet;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Undo (POST /operations/{id}/restore): every root an archive operation still holds comes back by R5, as
 * one restore operation and all-or-nothing, with the refusals of a record's restore.
 */
public interface RestoreOperationContract extends StoreContractSupport {

    default LifecycleResult undo(Caller caller, Operation archive) {
        return noted(
                operationRestore().restore(new RestoreOperationCommand(caller, archive.id(), OptionalLong.empty())));
    }

    default LifecycleResult undo(Operation archive) {
        return undo(manager(), archive);
    }

    @Test
    default void undo_restores_what_the_archive_archived_as_one_restore_like_a_record_restore() {
        Tree tree = tree();
        archive(tree.comment());
        Operation archive = delete(tree.account()).operation().orElseThrow();
        WorkspaceSnapshot before = snapshot();
        CascadeSet plan =
                before.planner().restore(tree.account(), before.catalog()).restored();

        LifecycleResult undone = undo(archive);

        assertEquals(Outcome.RESTORED, undone.outcome());
        Operation restore = undone.operation().orElseThrow();
        assertEquals(OperationKind.RESTORE, restore.kind());
        assertEquals(List.of(tree.account()), restore.roots());
        assertEquals(plan.countsPerType(), restore.countsPerType());
        assertEquals(tree.account(), undone.record().orElseThrow().record().id());
        assertFalse(undone.record().orElseThrow().record().archived());
        assertActive(tree.account(), tree.project(), tree.label(), tree.task());
        assertTrue(stored(tree.comment()).archived(), "R2: archived by its own operation, it stays");
    }

    @Test
    default void undo_of_a_bulk_archive_restores_every_root_it_holds_in_one_operation_whatever_their_order() {
        Tree tree = tree();
        RecordId other = account();
        // The task is named before the account it depends on: the account's cascade brings it back.
        Operation archive = bulk(Action.ARCHIVE, false, tree.task(), other, tree.account())
                .operations()
                .get(0);

        LifecycleResult undone = undo(archive);

        Operation restore = undone.operation().orElseThrow();
        assertEquals(List.of(other, tree.account()), restore.roots(), "the roots it restored itself");
        assertEquals(6, restore.total());
        assertTrue(undone.record().isEmpty(), "several roots: no one record");
        assertActive(tree.all().toArray(RecordId[]::new));
        assertActive(other);
        assertEquals(List.of(restore), operations().history(manager(), other).subList(1, 2));
    }

    @Test
    default void undo_restores_the_roots_still_held_and_refuses_when_none_is_left() {
        RecordId first = account();
        RecordId second = account();
        Operation archive =
                bulk(Action.ARCHIVE, false, first, second).operations().get(0);
        restore(first);

        LifecycleResult undone = undo(archive);

        assertEquals(List.of(second), undone.operation().orElseThrow().roots());
        assertActive(first, second);
        ArchivistException refusal = refused(ErrorCode.NOT_ARCHIVED, () -> undo(archive));
        assertEquals(archive.id().toString(), refusal.details().get("operation"));
    }

    @Test
    default void undo_keeps_r5s_exception_and_lists_what_stays_archived() {
        Tree tree = tree();
        Operation byProject = archive(tree.project()).operation().orElseThrow();
        archive(tree.label());

        LifecycleResult undone = undo(byProject);

        assertActive(tree.project());
        assertEquals(
                PlannerOracle.normalized(List.of(
                        new LeftArchived(tree.task(), TASK, List.of(tree.label())),
                        new LeftArchived(tree.comment(), COMMENT, List.of(tree.task())))),
                PlannerOracle.normalized(undone.leftArchived()));
    }

    @Test
    default void undo_is_all_or_nothing_a_root_under_another_archive_refuses_it_as_its_restore_would() {
        Tree tree = tree();
        RecordId free = account();
        Operation archive =
                bulk(Action.ARCHIVE, false, free, tree.project()).operations().get(0);
        archive(tree.account());
        WorkspaceSnapshot before = snapshot();

        ArchivistException refusal = refused(ErrorCode.PARENT_ARCHIVED, () -> undo(archive));

        assertEquals(List.of(tree.account().toString()), refusal.details().get("parents"));
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void undo_is_all_or_nothing_a_unique_value_taken_meanwhile_refuses_it() {
        RecordId account = account();
        RecordId free = account();
        RecordId project = project(account, "ALPHA");
        Operation archive =
                bulk(Action.ARCHIVE, false, free, project).operations().get(0);
        RecordId holder = project(account, "ALPHA");
        WorkspaceSnapshot before = snapshot();

        ArchivistException refusal = refused(ErrorCode.UNIQUE_CONFLICT, () -> undo(archive));

        assertEquals(holder.toString(), refusal.details().get("holder"));
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void only_an_archive_operation_is_undone() {
        RecordId account = account();
        archive(account);
        Operation restore = restore(account).operation().orElseThrow();
        delete(account);
        Operation purge = delete(account).operation().orElseThrow();

        refused(ErrorCode.NOT_AN_ARCHIVE_OPERATION, () -> undo(restore));
        refused(ErrorCode.NOT_AN_ARCHIVE_OPERATION, () -> undo(purge));
    }

    @Test
    default void undo_is_for_lifecycle_roles_on_their_own_operations_or_an_admin_and_stays_in_its_workspace() {
        Operation mine = archive(account()).operation().orElseThrow();
        Operation theirs = noted(lifecycle().archive(LifecycleCommand.of(admin(), account())))
                .operation()
                .orElseThrow();
        Caller stranger = managerOfAnotherWorkspace();

        refused(ErrorCode.FORBIDDEN, () -> undo(member(), mine));
        ArchivistException notYours = refused(ErrorCode.FORBIDDEN, () -> undo(manager(), theirs));
        assertFalse(notYours.getMessage().contains(admin().actor()), "a 403 never names another actor");
        refused(ErrorCode.OPERATION_NOT_FOUND, () -> undo(stranger, mine));
        refused(
                ErrorCode.OPERATION_NOT_FOUND,
                () -> operationRestore()
                        .restore(new RestoreOperationCommand(
                                admin(), OperationId.of(UUID.randomUUID()), OptionalLong.empty())));

        assertEquals(Outcome.RESTORED, undo(admin(), mine).outcome(), "an admin undoes any operation");
    }

    @Test
    default void if_match_names_the_version_of_the_one_root() {
        RecordId account = account();
        LifecycleResult archived = archive(account);
        long version = archived.record().orElseThrow().record().version();
        Operation archive = archived.operation().orElseThrow();
        Operation both =
                bulk(Action.ARCHIVE, false, account(), account()).operations().get(0);

        ArchivistException stale = refused(
                ErrorCode.PRECONDITION_FAILED,
                () -> operationRestore()
                        .restore(new RestoreOperationCommand(manager(), archive.id(), OptionalLong.of(version - 1))));
        assertEquals(version, ((Number) stale.details().get("current_version")).longValue());
        refused(
                ErrorCode.PRECONDITION_FAILED,
                () -> operationRestore()
                        .restore(new RestoreOperationCommand(manager(), both.id(), OptionalLong.of(1))));

        LifecycleResult undone = noted(operationRestore()
                .restore(new RestoreOperationCommand(manager(), archive.id(), OptionalLong.of(version))));
        assertEquals(version + 1, undone.record().orElseThrow().record().version());
        assertEquals(
                Map.of(ACCOUNT, 1L),
                undone.operation().orElseThrow().countsPerType().asMap());
    }
}
