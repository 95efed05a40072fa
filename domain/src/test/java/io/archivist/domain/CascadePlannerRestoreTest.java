package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R5 (restore exactly what was archived together, less what must stay) and R6 on restore. */
class CascadePlannerRestoreTest {

    /**
     * <pre>
     *   acme ── ann ── ann-deal ── ann-note
     *     │      │ └──────────────────┘
     *     │      └── joint-deal ── joint-note     (joint-deal also hangs off globex)
     *     └── bob                 ┘
     *   globex ── gil
     * </pre>
     */
    private final TestGraph graph = TestGraph.crm()
            .active("acme", "company")
            .active("ann", "person", Map.of("email", "ann@acme", "badge", 7), "acme")
            .active("bob", "person", "acme")
            .active("ann-deal", "deal", "acme", "ann")
            .active("ann-note", "note", "ann-deal", "ann")
            .active("globex", "company")
            .active("gil", "person", "globex")
            .active("joint-deal", "deal", "globex", "ann")
            .active("joint-note", "note", "joint-deal", "ann");

    @Test
    void r5_restore_brings_back_exactly_what_was_archived_together() {
        graph.archive("acme");
        RestorePlan plan = graph.restore("acme");
        assertEquals(
                Set.of("acme", "ann", "bob", "ann-deal", "ann-note", "joint-deal", "joint-note"),
                graph.names(plan.restored().ids()));
        assertEquals(
                Map.of("company", 1L, "person", 2L, "deal", 2L, "note", 2L),
                plan.restored().countsPerType().asMap());
        assertEquals(List.of(), plan.leftArchived());
        assertEquals(List.of(), plan.conflicts());
        assertEquals(Set.of(), graph.archivedNames());
    }

    @Test
    void r5_the_restored_set_lists_parents_before_their_dependents() {
        graph.archive("acme");
        List<String> order = graph.namesInOrder(graph.planner()
                .restore(graph.id("acme"), graph.catalog())
                .restored()
                .ids());
        assertEquals("acme", order.get(0));
        assertTrue(order.indexOf("ann") < order.indexOf("joint-deal"));
        assertTrue(order.indexOf("joint-deal") < order.indexOf("joint-note"));
        assertTrue(order.indexOf("ann-deal") < order.indexOf("ann-note"));
    }

    @Test
    void r5_a_dependent_archived_by_an_earlier_operation_stays_archived() {
        graph.archive("ann"); // ann and everything under her
        OperationId annOp = graph.operationOf("ann");
        graph.archive("acme"); // acme and bob
        RestorePlan plan = graph.restore("acme");
        assertEquals(Set.of("acme", "bob"), graph.names(plan.restored().ids()));
        assertEquals(List.of(), plan.leftArchived(), "only records archived together are listed as left behind");
        assertEquals(Set.of("ann", "ann-deal", "ann-note", "joint-deal", "joint-note"), graph.archivedNames());
        assertEquals(annOp, graph.operationOf("ann-note"));

        assertEquals(
                Set.of("ann", "ann-deal", "ann-note", "joint-deal", "joint-note"),
                graph.names(graph.restore("ann").restored().ids()));
    }

    @Test
    void r5_a_co_archived_dependent_with_another_archived_parent_stays_archived_with_the_reason() {
        graph.archive("acme"); // reaches joint-deal and joint-note through ann
        graph.archive("globex"); // joint-deal is archived already: keeps acme's operation
        RestorePlan plan = graph.restore("acme");

        assertEquals(
                Set.of("acme", "ann", "bob", "ann-deal", "ann-note"),
                graph.names(plan.restored().ids()));
        LeftArchived jointDeal = plan.leftArchived().get(0);
        assertEquals(graph.id("joint-deal"), jointDeal.id());
        assertEquals("deal", jointDeal.type());
        assertEquals(List.of(graph.id("globex")), jointDeal.archivedParents());
        assertTrue(jointDeal.reason().contains(graph.id("globex").toString()), jointDeal.reason());
        assertEquals(Set.of("joint-deal", "joint-note", "globex", "gil"), graph.archivedNames());
    }

    @Test
    void r5_the_co_archived_dependents_of_a_record_left_archived_stay_too() {
        graph.archive("acme");
        OperationId acmeOp = graph.operationOf("acme");
        graph.archive("globex");
        RestorePlan plan = graph.restore("acme");
        assertEquals(2, plan.leftArchived().size());
        LeftArchived jointNote = plan.leftArchived().get(1);
        assertEquals(graph.id("joint-note"), jointNote.id());
        assertEquals(
                List.of(graph.id("joint-deal")),
                jointNote.archivedParents(),
                "joint-note's other parent ann is back; joint-deal is not");
        assertEquals(acmeOp, graph.operationOf("joint-note"), "it keeps its operation, so that it can come back later");
    }

    @Test
    void r5_a_record_left_archived_comes_back_with_its_dependents_once_its_other_parent_is_back() {
        graph.archive("acme");
        graph.archive("globex");
        graph.restore("acme");
        assertEquals(
                Set.of("globex", "gil"),
                graph.names(graph.restore("globex").restored().ids()),
                "joint-deal was archived by acme's operation, not globex's");
        assertEquals(
                Set.of("joint-deal", "joint-note"),
                graph.names(graph.restore("joint-deal").restored().ids()));
        assertEquals(Set.of(), graph.archivedNames());
    }

    @Test
    void r5_restore_of_one_root_of_a_bulk_archive_restores_only_that_roots_part() {
        graph.archive("acme", "globex"); // one operation, two roots
        assertEquals(graph.operationOf("acme"), graph.operationOf("gil"));

        RestorePlan plan = graph.restore("globex");
        assertEquals(Set.of("globex", "gil"), graph.names(plan.restored().ids()));
        assertEquals(
                Set.of("joint-deal", "joint-note"),
                graph.names(plan.leftArchived().stream().map(LeftArchived::id).toList()));
        assertEquals(List.of(graph.id("ann")), plan.leftArchived().get(0).archivedParents());
        assertEquals(
                Set.of("acme", "ann", "bob", "ann-deal", "ann-note", "joint-deal", "joint-note"),
                graph.archivedNames());

        graph.restore("acme");
        assertEquals(Set.of(), graph.archivedNames(), "the second root brings back the rest, joint-deal included");
    }

    @Test
    void r5_restoring_an_active_record_is_not_archived_and_an_unknown_one_not_found() {
        ArchivistException active = assertThrows(
                ArchivistException.class, () -> graph.planner().restore(graph.id("acme"), graph.catalog()));
        assertEquals(ErrorCode.NOT_ARCHIVED, active.code());
        graph.archive("bob");
        graph.purge("bob");
        ArchivistException purged =
                assertThrows(ArchivistException.class, () -> graph.planner().restore(graph.id("bob"), graph.catalog()));
        assertEquals(ErrorCode.RECORD_NOT_FOUND, purged.code());
    }

    @Test
    void r6_a_restore_that_would_share_a_unique_value_names_the_active_holder() {
        graph.archive("acme"); // frees ann@acme
        graph.active("ann-again", "person", Map.of("email", "ann@acme"), "globex");
        RestorePlan plan = graph.restore("acme");

        UniqueConflict conflict = new UniqueConflict(graph.id("ann"), "person", "email", graph.id("ann-again"));
        assertEquals(List.of(conflict), plan.conflicts());
        ArchivistException e = conflict.toException();
        assertEquals(ErrorCode.UNIQUE_CONFLICT, e.code());
        assertEquals(graph.id("ann-again").toString(), e.details().get("holder"));
        assertTrue(e.getMessage().contains(graph.id("ann-again").toString()), e.getMessage());
        assertTrue(graph.record("ann").archived(), "a conflict refuses the restore: nothing changes");
    }

    @Test
    void r6_a_value_of_another_json_type_is_not_the_same_value() {
        graph.archive("acme");
        graph.active("badge-text", "person", Map.of("badge", "7"), "globex");
        assertEquals(
                List.of(),
                graph.planner().restore(graph.id("acme"), graph.catalog()).conflicts());
        graph.active("badge-decimal", "person", Map.of("badge", 7.0), "globex");
        assertEquals(
                List.of(new UniqueConflict(graph.id("ann"), "person", "badge", graph.id("badge-decimal"))),
                graph.planner().restore(graph.id("acme"), graph.catalog()).conflicts());
    }

    @Test
    void r6_a_value_held_only_by_archived_records_is_free() {
        graph.archive("acme");
        graph.active("ann-again", "person", Map.of("email", "ann@acme"), "globex");
        graph.archive("ann-again");
        RestorePlan plan = graph.restore("acme");
        assertEquals(List.of(), plan.conflicts());
        assertFalse(graph.record("ann").archived());
    }
}
