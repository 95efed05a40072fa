package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R3 and R4: a purge reaches every dependent, whatever its state and whichever operation archived it. */
class CascadePlannerPurgeTest {

    /**
     * <pre>
     *   acme ── ann ── ann-deal ── ann-note
     *     │      └──────────────────┘
     *     └── bob ── bob-deal
     *   tag ── tagging-1, tagging-2        (not archivable)
     * </pre>
     */
    private final TestGraph graph = TestGraph.crm()
            .active("acme", "company")
            .active("ann", "person", "acme")
            .active("ann-deal", "deal", "acme", "ann")
            .active("ann-note", "note", "ann-deal", "ann")
            .active("bob", "person", "acme")
            .active("bob-deal", "deal", "acme", "bob")
            .active("tag", "tag")
            .active("tagging-1", "tagging", "tag")
            .active("tagging-2", "tagging", "tag");

    @Test
    void r3_purge_of_an_archived_record_reaches_every_dependent_whichever_operation_archived_it() {
        graph.archive("ann"); // ann, ann-deal, ann-note: one operation
        graph.archive("bob-deal"); // another
        graph.archive("acme"); // acme, bob: a third
        CascadeSet set = graph.purge("acme");
        assertEquals(Set.of("acme", "ann", "ann-deal", "ann-note", "bob", "bob-deal"), graph.names(set.ids()));
        assertEquals(
                Map.of("company", 1L, "person", 2L, "deal", 2L, "note", 1L),
                set.countsPerType().asMap());
        for (String name : List.of("acme", "ann", "ann-deal", "ann-note", "bob", "bob-deal")) {
            assertFalse(graph.exists(name), name + " is gone");
        }
        assertTrue(graph.exists("tag"));
    }

    @Test
    void r3_purge_reaches_dependents_in_any_state() {
        // ann is active; ann-deal and ann-note were archived by an earlier operation.
        graph.archive("ann-deal");
        CascadeSet set = graph.planner().purge(graph.ids("ann"));
        assertEquals(Set.of("ann", "ann-deal", "ann-note"), graph.names(set.ids()));
    }

    @Test
    void r3_purge_of_a_dependent_leaves_its_parents() {
        graph.archive("ann");
        CascadeSet set = graph.purge("ann-deal");
        assertEquals(Set.of("ann-deal", "ann-note"), graph.names(set.ids()));
        assertTrue(graph.record("ann").archived());
        assertTrue(graph.exists("acme"));
    }

    @Test
    void r4_purge_of_a_type_without_archive_support_takes_its_dependents() {
        CascadeSet set = graph.purge("tag");
        assertEquals(Set.of("tag", "tagging-1", "tagging-2"), graph.names(set.ids()));
        assertEquals(Map.of("tag", 1L, "tagging", 2L), set.countsPerType().asMap());
    }

    @Test
    void r3_a_diamond_is_purged_once_and_parents_come_first_in_the_set() {
        CascadeSet set = graph.planner().purge(graph.ids("acme"));
        List<String> order = graph.namesInOrder(set.ids());
        assertEquals(6, order.size());
        assertEquals(Set.copyOf(order).size(), order.size());
        assertTrue(order.indexOf("ann") < order.indexOf("ann-deal"));
        assertTrue(order.indexOf("ann-deal") < order.indexOf("ann-note"));
    }

    @Test
    void r12_a_bulk_purge_over_overlapping_roots_counts_each_record_once() {
        CascadeSet set = graph.planner().purge(graph.ids("ann", "acme", "tag", "ann-note"));
        assertEquals(9, set.size());
        assertEquals(
                Map.of("company", 1L, "person", 2L, "deal", 2L, "note", 1L, "tag", 1L, "tagging", 2L),
                set.countsPerType().asMap());
    }
}
