package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.LifecycleResult;
import io.archivist.domain.CascadeSet;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.Preview;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.UniqueValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** R3, R4 and R7 on purge: delete twice to destroy, whatever archived the dependents. */
public interface PurgeContract extends StoreContractSupport {

    @Test
    default void r3_delete_twice_purges_the_record_and_all_dependents_whichever_operation_archived_them() {
        Tree tree = tree();
        Operation ownArchive = archive(tree.comment()).operation().orElseThrow();
        Operation archive = delete(tree.account()).operation().orElseThrow();

        LifecycleResult result = delete(tree.account());

        assertEquals(LifecycleResult.Outcome.PURGED, result.outcome());
        assertTrue(result.record().isEmpty());
        Operation purge = result.operation().orElseThrow();
        assertEquals(OperationKind.PURGE, purge.kind());
        assertEquals(List.of(tree.account()), purge.roots());
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L, COMMENT, 1L),
                purge.countsPerType().asMap());
        assertGone(tree.all().toArray(RecordId[]::new));
        assertEquals(
                purge, ports().operations().find(workspace(), purge.id()).orElseThrow(), "the log keeps the purge");
        assertTrue(ports().operations().find(workspace(), archive.id()).isPresent(), "and the operations before it");
        assertTrue(ports().operations().find(workspace(), ownArchive.id()).isPresent());
    }

    @Test
    default void r3_a_purged_record_is_gone_from_every_read() {
        RecordId account = account();
        RecordId project = a(PROJECT).under(account).key("p-1").with(CODE, "P1").create();
        delete(account);
        delete(account);

        assertGone(account, project);
        assertEquals(List.of(), ports().records().findAll(workspace(), List.of(account, project)));
        assertEquals(Optional.empty(), ports().records().findByKey(workspace(), PROJECT, "p-1"));
        assertEquals(
                Optional.empty(),
                ports().records().activeHolder(workspace(), PROJECT, CODE, UniqueValues.canonical(CODE, "P1")));
        assertEquals(List.of(), ports().records().page(workspace(), RecordFilter.all(), Optional.empty(), 10));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> records().get(manager(), project));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> operations().history(manager(), project));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> delete(account));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> restore(account));
    }

    @Test
    default void r3_a_purged_record_frees_its_key_and_its_unique_values() {
        RecordId account = account();
        a(PROJECT).under(account).key("p-1").with(CODE, "P1").create();
        delete(account);
        delete(account);

        RecordId again = a(PROJECT).under(account()).key("p-1").with(CODE, "P1").create();

        assertEquals(
                again,
                ports().records()
                        .findByKey(workspace(), PROJECT, "p-1")
                        .orElseThrow()
                        .id());
    }

    @Test
    default void r3_purge_takes_a_dependent_that_has_another_parent_outside_the_set() {
        Tree tree = tree();
        archive(tree.project());

        Operation purge = delete(tree.project()).operation().orElseThrow();

        assertEquals(
                Map.of(PROJECT, 1L, TASK, 1L, COMMENT, 1L),
                purge.countsPerType().asMap());
        assertGone(tree.project(), tree.task(), tree.comment());
        assertActive(tree.account(), tree.label());
        assertEquals(
                List.of(),
                ports().records()
                        .page(
                                workspace(),
                                new RecordFilter(
                                        Optional.empty(), RecordFilter.ArchivedFilter.ANY, Optional.of(tree.label())),
                                Optional.empty(),
                                10),
                "the label keeps no dependent that is gone");
    }

    @Test
    default void r3_purge_changes_exactly_what_the_planner_says() {
        Tree tree = tree();
        Tree neighbour = tree();
        archive(tree.comment());
        archive(tree.label());
        delete(tree.account());
        WorkspaceSnapshot before = snapshot();
        CascadeSet plan = before.planner().purge(List.of(tree.account()));

        Operation purge = delete(tree.account()).operation().orElseThrow();

        PlannerOracle.purged(before, snapshot(), purge, plan);
        assertActive(neighbour.all().toArray(RecordId[]::new));
    }

    @Test
    default void r4_the_first_delete_of_a_type_without_archive_support_purges_a_mixed_subtree() {
        RecordId ledger = a(LEDGER).create();
        RecordId active = a(ENTRY).under(ledger).create();
        RecordId archived = a(ENTRY).under(ledger).create();
        archive(archived);
        WorkspaceSnapshot before = snapshot();
        CascadeSet plan = before.planner().purge(List.of(ledger));

        LifecycleResult result = delete(ledger);

        assertEquals(LifecycleResult.Outcome.PURGED, result.outcome());
        Operation purge = result.operation().orElseThrow();
        assertEquals(Map.of(LEDGER, 1L, ENTRY, 2L), purge.countsPerType().asMap());
        PlannerOracle.purged(before, snapshot(), purge, plan);
        assertGone(ledger, active, archived);
    }

    @Test
    default void r7_a_purge_whose_cascade_holds_your_own_user_is_blocked() {
        RecordId me = ownUser(manager());
        RecordId profile = a(PROFILE).under(me).create();

        Preview preview = lifecycle().preview(manager(), me, OperationKind.PURGE);

        assertFalse(preview.allowed());
        assertEquals(ErrorCode.CANNOT_ARCHIVE_SELF, preview.blockers().get(0).code());
        assertTrue(ports().records().purgeReaches(workspace(), List.of(me), me));
        assertFalse(ports().records().purgeReaches(workspace(), List.of(profile), me));
        assertActive(me, profile);
    }

    @Test
    default void r3_the_store_answers_reach_and_count_of_a_purge_as_the_planner_does() {
        Tree tree = tree();
        archive(tree.task());
        CascadeSet plan = snapshot().planner().purge(List.of(tree.project()));

        assertEquals(plan.countsPerType(), ports().records().countPurge(workspace(), List.of(tree.project())));
        assertTrue(
                ports().records().purgeReaches(workspace(), List.of(tree.project()), tree.comment()),
                "a purge reaches archived dependents too");
        assertFalse(ports().records().purgeReaches(workspace(), List.of(tree.project()), tree.label()));
    }
}
