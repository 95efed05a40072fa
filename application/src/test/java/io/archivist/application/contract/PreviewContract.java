package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.domain.Blocker;
import io.archivist.domain.CascadeSet;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.OperationKind;
import io.archivist.domain.Preview;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** R13: a dry run reports counts, what would stay archived and why, and the blockers; it changes nothing. */
public interface PreviewContract extends StoreContractSupport {

    @Test
    default void r13_a_preview_of_archive_counts_what_the_archive_would_change_and_changes_nothing() {
        Tree tree = tree();
        archive(tree.comment());
        WorkspaceSnapshot before = snapshot();
        CascadeSet plan = before.planner().archive(List.of(tree.account()));

        Preview preview = lifecycle().preview(manager(), tree.account(), OperationKind.ARCHIVE);

        assertTrue(preview.allowed());
        assertEquals(plan.countsPerType(), preview.countsPerType());
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L),
                preview.countsPerType().asMap());
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r13_a_preview_of_purge_counts_the_whole_subtree_and_changes_nothing() {
        Tree tree = tree();
        archive(tree.comment());
        archive(tree.account());
        WorkspaceSnapshot before = snapshot();

        Preview preview = lifecycle().preview(manager(), tree.account(), OperationKind.PURGE);

        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L, COMMENT, 1L),
                preview.countsPerType().asMap());
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r13_a_preview_of_restore_lists_what_would_stay_archived_and_why() {
        Tree tree = tree();
        archive(tree.project());
        archive(tree.label());
        WorkspaceSnapshot before = snapshot();

        Preview preview = lifecycle().preview(manager(), tree.project(), OperationKind.RESTORE);

        assertTrue(preview.allowed());
        assertEquals(Map.of(PROJECT, 1L), preview.countsPerType().asMap());
        assertEquals(
                PlannerOracle.normalized(List.of(
                        new LeftArchived(tree.task(), TASK, List.of(tree.label())),
                        new LeftArchived(tree.comment(), COMMENT, List.of(tree.task())))),
                PlannerOracle.normalized(preview.leftArchived()));
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r13_a_preview_lists_the_blockers_with_their_codes() {
        RecordId account = account();
        RecordId project = project(account, "ALPHA");
        archive(project);
        RecordId holder = project(account(), "ALPHA");
        archive(account);
        RecordId me = ownUser(manager());
        WorkspaceSnapshot before = snapshot();

        Preview restore = lifecycle().preview(manager(), project, OperationKind.RESTORE);
        Preview archiveSelf = lifecycle().preview(manager(), me, OperationKind.ARCHIVE);

        assertEquals(
                List.of(ErrorCode.PARENT_ARCHIVED, ErrorCode.UNIQUE_CONFLICT),
                restore.blockers().stream().map(Blocker::code).toList());
        assertEquals(List.of(account), restore.blockers().get(0).records());
        assertEquals(List.of(holder), restore.blockers().get(1).records());
        assertEquals(
                List.of(ErrorCode.CANNOT_ARCHIVE_SELF),
                archiveSelf.blockers().stream().map(Blocker::code).toList());
        assertEquals(Map.of(USER, 1L), archiveSelf.countsPerType().asMap());
        PlannerOracle.unchanged(before, snapshot());
    }
}
