package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** R1, R2, R7 and the counts of an archive cascade, over the CRM picture of {@link TestCatalog}. */
class CascadePlannerArchiveTest {

    /**
     * <pre>
     *   acme ── ann ── ann-deal ── ann-note
     *     │      └──────────────────┘
     *     ├── bob
     *     └── acme-deal (company only)
     *   globex ── gil
     * </pre>
     */
    private final TestGraph graph = TestGraph.crm()
            .active("acme", "company")
            .active("ann", "person", "acme")
            .active("bob", "person", "acme")
            .active("ann-deal", "deal", "acme", "ann")
            .active("acme-deal", "deal", "acme")
            .active("ann-note", "note", "ann-deal", "ann")
            .active("globex", "company")
            .active("gil", "person", "globex");

    @Test
    void r1_archive_reaches_every_active_dependent_transitively() {
        CascadeSet set = graph.planner().archive(graph.ids("acme"));
        assertEquals(Set.of("acme", "ann", "bob", "ann-deal", "acme-deal", "ann-note"), graph.names(set.ids()));
        assertEquals(6, set.size());
    }

    @Test
    void r1_archive_of_a_leaf_or_a_middle_record_reaches_only_what_is_below_it() {
        assertEquals(
                Set.of("ann-note"),
                graph.names(graph.planner().archive(graph.ids("ann-note")).ids()));
        assertEquals(
                Set.of("ann", "ann-deal", "ann-note"),
                graph.names(graph.planner().archive(graph.ids("ann")).ids()));
    }

    @Test
    void r1_a_dependent_with_several_parents_is_archived_when_any_parent_is() {
        // ann-deal hangs off acme and ann; archiving ann alone reaches it while acme stays active.
        CascadeSet set = graph.archive("ann");
        assertTrue(set.contains(graph.id("ann-deal")));
        assertTrue(graph.record("ann-deal").archived());
        assertFalse(graph.record("acme").archived());
    }

    @Test
    void r1_a_diamond_is_walked_once_and_counted_once() {
        // ann-note is reached through acme→ann→ann-note and acme→ann-deal→ann-note, and more paths.
        CascadeSet set = graph.planner().archive(graph.ids("acme"));
        assertEquals(
                1,
                graph.namesInOrder(set.ids()).stream()
                        .filter("ann-note"::equals)
                        .count());
        assertEquals(
                Map.of("company", 1L, "person", 2L, "deal", 2L, "note", 1L),
                set.countsPerType().asMap());
    }

    @Test
    void r1_the_cascade_lists_parents_before_their_dependents() {
        List<RecordId> order =
                List.copyOf(graph.planner().archive(graph.ids("acme")).ids());
        for (RecordId id : order) {
            for (RecordId parent : graph.find(id).orElseThrow().parents()) {
                if (order.contains(parent)) {
                    assertTrue(
                            order.indexOf(parent) < order.indexOf(id),
                            graph.name(parent) + " before " + graph.name(id) + " in " + graph.namesInOrder(order));
                }
            }
        }
    }

    @Test
    void r1_every_record_of_one_archive_carries_the_same_operation_and_time() {
        graph.archive("acme");
        OperationId op = graph.operationOf("acme");
        Instant at = graph.record("acme").deletedAt().orElseThrow();
        for (String name : List.of("ann", "bob", "ann-deal", "acme-deal", "ann-note")) {
            assertEquals(op, graph.operationOf(name), name);
            assertEquals(at, graph.record(name).deletedAt().orElseThrow(), name);
        }
        assertFalse(graph.record("gil").archived(), "another company's people are untouched");
    }

    @Test
    void r2_dependents_already_archived_are_not_in_the_cascade_and_keep_their_own_operation() {
        graph.archive("ann");
        OperationId annOp = graph.operationOf("ann-note");
        Instant annAt = graph.record("ann-note").deletedAt().orElseThrow();

        CascadeSet set = graph.archive("acme");

        assertEquals(Set.of("acme", "bob", "acme-deal"), graph.names(set.ids()));
        assertEquals(
                Map.of("company", 1L, "person", 1L, "deal", 1L),
                set.countsPerType().asMap());
        for (String name : List.of("ann", "ann-deal", "ann-note")) {
            assertEquals(annOp, graph.operationOf(name), name + " keeps the operation that archived it");
            assertEquals(annAt, graph.record(name).deletedAt().orElseThrow(), name + " keeps its deleted_at");
        }
        assertNotEquals(annOp, graph.operationOf("acme"));
    }

    @Test
    void r1_archiving_an_archived_root_changes_nothing() {
        graph.archive("ann");
        CascadeSet again = graph.planner().archive(graph.ids("ann"));
        assertEquals(0, again.size());
        assertEquals(Map.of(), again.countsPerType().asMap());
    }

    @Test
    void r12_a_bulk_archive_is_one_cascade_over_all_its_roots_without_duplicates() {
        CascadeSet set = graph.planner().archive(graph.ids("ann", "acme", "globex", "ann"));
        assertEquals(
                Set.of("acme", "ann", "bob", "ann-deal", "acme-deal", "ann-note", "globex", "gil"),
                graph.names(set.ids()));
        assertEquals(
                Map.of("company", 2L, "person", 3L, "deal", 2L, "note", 1L),
                set.countsPerType().asMap());
    }

    @Test
    void r12_unknown_roots_of_a_bulk_archive_are_left_out() {
        graph.purge("bob");
        CascadeSet set = graph.planner().archive(graph.ids("bob", "gil"));
        assertEquals(Set.of("gil"), graph.names(set.ids()));
    }

    /** R7 is a question about the cascade set: does it contain the caller's own user? */
    @Test
    void r7_the_cascade_contains_the_own_user_when_it_is_a_root_of_the_archive() {
        TestGraph users = TestGraph.crm()
                .active("me", "user", Map.of("username", "me@acme"))
                .active("my-draft", "draft", "me")
                .active("colleague", "user", Map.of("username", "kim@acme"));
        RecordId me = users.id("me");
        assertTrue(users.planner().archive(users.ids("colleague", "me")).contains(me));
        assertFalse(
                users.planner().archive(users.ids("colleague", "my-draft")).contains(me),
                "archiving what the user wrote cascades down, never up to the user");
        users.archive("me");
        assertTrue(users.planner().purge(users.ids("me")).contains(me));
    }
}
