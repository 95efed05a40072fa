package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.RestorePlan;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R5: restore exactly what was archived together, and say what stays archived and why. */
public interface RestoreContract extends StoreContractSupport {

    @Test
    default void r5_restore_brings_back_exactly_the_records_archived_together() {
        Tree tree = tree();
        Operation commentAlone = archive(tree.comment()).operation().orElseThrow();
        delete(tree.account());

        LifecycleResult result = restore(tree.account());

        assertEquals(LifecycleResult.Outcome.RESTORED, result.outcome());
        Operation restore = result.operation().orElseThrow();
        assertEquals(OperationKind.RESTORE, restore.kind());
        assertEquals(List.of(tree.account()), restore.roots());
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L),
                restore.countsPerType().asMap());
        assertActive(tree.account(), tree.project(), tree.label(), tree.task());
        assertArchivedBy(commentAlone, tree.comment());
        assertEquals(List.of(), result.leftArchived());
        assertTrue(!result.record().orElseThrow().record().archived());
    }

    @Test
    default void r5_a_co_archived_dependent_with_another_archived_parent_stays_archived_with_the_reason() {
        Tree tree = tree();
        Operation byProject = archive(tree.project()).operation().orElseThrow();
        archive(tree.label());

        LifecycleResult result = restore(tree.project());

        assertActive(tree.project());
        assertArchivedBy(byProject, tree.task(), tree.comment());
        assertEquals(
                Map.of(PROJECT, 1L),
                result.operation().orElseThrow().countsPerType().asMap());
        assertEquals(
                PlannerOracle.normalized(List.of(
                        new LeftArchived(tree.task(), TASK, List.of(tree.label())),
                        new LeftArchived(tree.comment(), COMMENT, List.of(tree.task())))),
                PlannerOracle.normalized(result.leftArchived()),
                "the task stays for its label, and the comment under it stays too");
    }

    @Test
    default void r5_what_stayed_archived_comes_back_once_its_other_parent_is_restored() {
        Tree tree = tree();
        Operation byProject = archive(tree.project()).operation().orElseThrow();
        archive(tree.label());
        restore(tree.project());
        restore(tree.label());

        LifecycleResult result = restore(tree.task());

        assertEquals(
                Map.of(TASK, 1L, COMMENT, 1L),
                result.operation().orElseThrow().countsPerType().asMap(),
                "restoring " + byProject.id() + "'s task brings back its co-archived comment");
        assertActive(tree.all().toArray(RecordId[]::new));
    }

    @Test
    default void r5_restoring_a_record_whose_parent_is_archived_is_parent_archived_naming_it() {
        Tree tree = tree();
        archive(tree.project());
        delete(tree.account());
        WorkspaceSnapshot before = snapshot();

        var refusal = refused(ErrorCode.PARENT_ARCHIVED, () -> restore(tree.project()));

        assertEquals(List.of(tree.account().toString()), refusal.details().get("parents"));
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r5_restoring_an_active_record_is_not_archived() {
        RecordId account = account();

        refused(ErrorCode.NOT_ARCHIVED, () -> restore(account));

        assertActive(account);
    }

    @Test
    default void r5_restore_changes_exactly_what_the_planner_says() {
        Tree tree = tree();
        RecordId secondLabel = label(tree.account());
        RecordId secondTask = task(tree.project(), secondLabel);
        comment(secondTask);
        archive(tree.comment());
        archive(secondLabel);
        delete(tree.account());
        WorkspaceSnapshot before = snapshot();
        RestorePlan plan = before.planner().restore(tree.account(), before.catalog());

        Operation restore = restore(tree.account()).operation().orElseThrow();

        PlannerOracle.restored(before, snapshot(), restore, plan);
    }

    @Test
    default void r5_the_store_outlines_a_restore_as_the_planner_does_and_bounds_the_lists() {
        Tree tree = tree();
        RecordId secondTask = task(tree.project(), tree.label());
        archive(tree.project());
        archive(tree.label());
        RestorePlan plan =
                snapshot().planner().restore(tree.project(), snapshot().catalog());

        RestoreOutline outline = ports().records().outlineRestore(workspace(), tree.project(), 100);
        RestoreOutline bounded = ports().records().outlineRestore(workspace(), tree.project(), 1);

        assertEquals(plan.restored().countsPerType(), outline.countsPerType());
        assertEquals(Map.of(PROJECT, 1L), outline.countsPerType().asMap());
        assertEquals(PlannerOracle.normalized(plan.leftArchived()), PlannerOracle.normalized(outline.leftArchived()));
        assertEquals(3, outline.leftArchived().size(), "two tasks and the comment: " + secondTask);
        assertEquals(1, bounded.leftArchived().size());
        assertEquals(List.of(), outline.conflicts());
    }

    @Test
    default void r5_the_store_restore_reports_what_stayed_archived_as_the_planner_does_within_its_list_limit() {
        Tree tree = tree();
        task(tree.project(), tree.label());
        archive(tree.project());
        archive(tree.label());
        RestorePlan plan =
                snapshot().planner().restore(tree.project(), snapshot().catalog());
        Operation operation = Operation.begin(
                OperationId.of(UUID.randomUUID()),
                workspace(),
                OperationKind.RESTORE,
                "kit",
                clock().now(),
                List.of(tree.project()));

        RecordCascades.Restored restored =
                ports().unitOfWork().write(workspace(), () -> ports().records().restore(tree.project(), operation, 2));

        assertEquals(plan.restored().countsPerType(), restored.countsPerType());
        assertEquals(2, restored.leftArchived().size(), "three stay archived, two are listed");
        assertTrue(
                PlannerOracle.normalized(plan.leftArchived())
                        .containsAll(PlannerOracle.normalized(restored.leftArchived())),
                "each listed record stays archived for the parents the planner names: " + restored.leftArchived());
        assertActive(tree.project());
    }
}
