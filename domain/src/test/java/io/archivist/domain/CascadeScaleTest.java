package io.archivist.domain;

import static io.archivist.domain.TestCatalog.archivable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * QUALITY: a 10,000-deep chain and a 100,000-wide fan-out, archived, restored and purged
 * without a StackOverflowError. The planner reads records, not the type graph, so one type
 * stands for every link of the chain (a catalog would need 10,000 types to allow it).
 */
class CascadeScaleTest {

    private static final int DEPTH = 10_000;
    private static final int WIDTH = 100_000;

    /** A stack far too small for one frame per level: a recursive walk would overflow on it. */
    private static final long SMALL_STACK = 256 * 1024;

    private static TestGraph scaleGraph() {
        return new TestGraph(Catalog.withBuiltIns().define(archivable("folder")).define(archivable("item", "folder")));
    }

    private static TestGraph chain() {
        TestGraph graph = scaleGraph().active("n0", "folder");
        for (int i = 1; i < DEPTH; i++) {
            graph.active("n" + i, "item", "n" + (i - 1));
        }
        return graph;
    }

    private static void onSmallStack(Runnable test) throws Throwable {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        test.run();
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "small-stack",
                SMALL_STACK);
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Test
    void r1_r5_r3_a_10000_deep_chain_is_archived_restored_and_purged() throws Throwable {
        TestGraph graph = chain();
        onSmallStack(() -> {
            CascadeSet archived = graph.archive("n0");
            assertEquals(DEPTH, archived.size());
            List<RecordId> order = List.copyOf(archived.ids());
            assertEquals(graph.id("n0"), order.get(0));
            assertEquals(graph.id("n" + (DEPTH - 1)), order.get(DEPTH - 1), "parents before dependents");
            assertEquals(graph.operationOf("n0"), graph.operationOf("n" + (DEPTH - 1)));

            RestorePlan restored = graph.restore("n0");
            assertEquals(DEPTH, restored.restored().size());
            assertEquals(List.of(), restored.leftArchived());
            assertFalse(graph.record("n" + (DEPTH - 1)).archived());

            graph.archive("n0");
            CascadeSet purged = graph.purge("n0");
            assertEquals(
                    Map.of("folder", 1L, "item", (long) DEPTH - 1),
                    purged.countsPerType().asMap());
            assertEquals(0, graph.size());
        });
    }

    @Test
    void r1_r5_a_10000_deep_chain_archived_in_the_middle_restores_only_its_lower_half() throws Throwable {
        TestGraph graph = chain();
        onSmallStack(() -> {
            graph.archive("n5000");
            graph.archive("n0");
            assertEquals(
                    5_000,
                    graph.planner()
                            .restore(graph.id("n0"), graph.catalog())
                            .restored()
                            .size());
            assertEquals(
                    DEPTH - 5_000,
                    graph.planner()
                            .restore(graph.id("n5000"), graph.catalog())
                            .restored()
                            .size());
            assertEquals(DEPTH, graph.planner().purge(graph.ids("n0")).size());
        });
    }

    @Test
    void r1_r5_r3_a_100000_wide_fan_out_is_archived_restored_and_purged() {
        TestGraph graph = scaleGraph().active("root", "folder");
        for (int i = 0; i < WIDTH; i++) {
            graph.active("c" + i, "item", "root");
        }
        CascadeSet archived = graph.archive("root");
        assertEquals(
                Map.of("folder", 1L, "item", (long) WIDTH),
                archived.countsPerType().asMap());
        assertEquals(graph.id("root"), archived.ids().iterator().next());
        assertTrue(graph.record("c" + (WIDTH - 1)).archived());

        RestorePlan restored = graph.restore("root");
        assertEquals(WIDTH + 1, restored.restored().size());
        assertEquals(List.of(), restored.conflicts());
        assertFalse(graph.record("c0").archived());

        graph.archive("root");
        assertEquals(WIDTH + 1, graph.purge("root").size());
        assertEquals(0, graph.size());
    }
}
