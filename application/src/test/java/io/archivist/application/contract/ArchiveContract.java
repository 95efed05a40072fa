package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.domain.CascadeSet;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R1, R2 and R7 on archive: the cascade, through every path, and what it leaves alone. */
public interface ArchiveContract extends StoreContractSupport {

    @Test
    default void r1_delete_archives_the_record_and_every_active_dependent_with_one_time_and_operation() {
        Tree tree = tree();

        LifecycleResult result = delete(tree.account());

        assertEquals(LifecycleResult.Outcome.ARCHIVED, result.outcome());
        Operation operation = result.operation().orElseThrow();
        assertEquals(OperationKind.ARCHIVE, operation.kind());
        assertEquals(manager().actor(), operation.actor());
        assertEquals(List.of(tree.account()), operation.roots());
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L, COMMENT, 1L),
                operation.countsPerType().asMap());
        assertArchivedBy(operation, tree.all().toArray(RecordId[]::new));
        assertTrue(result.record().orElseThrow().record().archived(), "the response carries the archived record");
        assertEquals(
                operation,
                ports().operations().find(workspace(), operation.id()).orElseThrow());
    }

    @Test
    default void r1_a_dependent_with_two_parents_is_archived_when_either_parent_is() {
        Tree byLabel = tree();
        Tree byProject = tree();

        Operation viaLabel = archive(byLabel.label()).operation().orElseThrow();
        Operation viaProject = archive(byProject.project()).operation().orElseThrow();

        assertArchivedBy(viaLabel, byLabel.label(), byLabel.task(), byLabel.comment());
        assertActive(byLabel.account(), byLabel.project());
        assertArchivedBy(viaProject, byProject.project(), byProject.task(), byProject.comment());
        assertActive(byProject.account(), byProject.label());
    }

    @Test
    default void r1_the_cascade_is_transitive_through_several_paths_and_counts_each_record_once() {
        RecordId account = account();
        List<RecordId> projects = List.of(project(account), project(account));
        List<RecordId> labels = List.of(label(account), label(account));
        for (RecordId project : projects) {
            for (RecordId label : labels) {
                comment(task(project, label));
            }
        }
        RecordId otherAccount = account();

        Operation operation = delete(account).operation().orElseThrow();

        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 2L, LABEL, 2L, TASK, 4L, COMMENT, 4L),
                operation.countsPerType().asMap());
        assertEquals(
                13,
                ports()
                        .records()
                        .page(workspace(), io.archivist.domain.RecordFilter.all(), java.util.Optional.empty(), 100)
                        .stream()
                        .filter(r -> r.archived())
                        .count());
        assertActive(otherAccount);
    }

    @Test
    default void r1_archive_changes_exactly_what_the_planner_says() {
        Tree tree = tree();
        RecordId secondTask = task(tree.project(), label(tree.account()));
        comment(secondTask);
        archive(tree.comment());
        WorkspaceSnapshot before = snapshot();
        CascadeSet plan = before.planner().archive(List.of(tree.project()));

        Operation operation = archive(tree.project()).operation().orElseThrow();

        PlannerOracle.archived(before, snapshot(), operation, plan);
    }

    @Test
    default void r2_already_archived_dependents_keep_their_own_deleted_at_and_operation() {
        Tree tree = tree();
        Operation first = archive(tree.task()).operation().orElseThrow();
        clock().advance(Duration.ofMinutes(5));

        Operation second = delete(tree.account()).operation().orElseThrow();

        assertArchivedBy(first, tree.task(), tree.comment());
        assertArchivedBy(second, tree.account(), tree.project(), tree.label());
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L),
                second.countsPerType().asMap());
    }

    @Test
    default void r1_archive_of_an_archived_record_changes_nothing() {
        Tree tree = tree();
        archive(tree.account());
        WorkspaceSnapshot before = snapshot();

        LifecycleResult again = archive(tree.account());

        assertEquals(LifecycleResult.Outcome.UNCHANGED, again.outcome());
        assertTrue(again.operation().isEmpty());
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r4_archive_of_a_type_without_archive_support_is_refused() {
        RecordId ledger = a(LEDGER).create();

        refused(ErrorCode.ARCHIVE_NOT_SUPPORTED, () -> archive(ledger));

        assertActive(ledger);
    }

    @Test
    default void r7_archiving_a_cascade_that_holds_your_own_user_is_refused_and_changes_nothing() {
        RecordId me = ownUser(manager());
        a(PROFILE).under(me).create();
        WorkspaceSnapshot before = snapshot();

        var refusal = refused(ErrorCode.CANNOT_ARCHIVE_SELF, () -> delete(me));

        assertEquals(me.toString(), refusal.details().get("user"));
        PlannerOracle.unchanged(before, snapshot());
        assertTrue(ports().records().archiveReaches(workspace(), List.of(me), me));
    }

    @Test
    default void r7_archiving_someone_else_s_user_is_allowed() {
        ownUser(manager());
        RecordId colleague = a(USER).with(USERNAME, "someone-else").create();
        RecordId profile = a(PROFILE).under(colleague).create();

        Operation operation = delete(colleague).operation().orElseThrow();

        assertArchivedBy(operation, colleague, profile);
    }

    @Test
    default void r7_an_archived_user_with_your_username_is_not_your_own_user() {
        RecordId formerMe = ownUser(manager());
        Operation byAdmin = noted(lifecycle().delete(LifecycleCommand.of(admin(), formerMe)))
                .operation()
                .orElseThrow();
        assertArchivedBy(byAdmin, formerMe);

        assertEquals(LifecycleResult.Outcome.PURGED, delete(formerMe).outcome());
        assertGone(formerMe);
    }

    @Test
    default void r1_the_store_answers_reach_and_count_of_an_archive_as_the_planner_does() {
        Tree tree = tree();
        RecordId other = account();
        archive(tree.comment());
        CascadeSet plan = snapshot().planner().archive(List.of(tree.label()));

        assertEquals(plan.countsPerType(), ports().records().countArchive(workspace(), List.of(tree.label())));
        assertTrue(ports().records().archiveReaches(workspace(), List.of(tree.label()), tree.task()));
        assertFalse(ports().records().archiveReaches(workspace(), List.of(tree.label()), tree.project()));
        assertFalse(
                ports().records().archiveReaches(workspace(), List.of(tree.label()), tree.comment()),
                "an archived dependent is not in an archive cascade (R2)");
        assertFalse(ports().records().archiveReaches(workspace(), List.of(tree.label()), other));
    }
}
