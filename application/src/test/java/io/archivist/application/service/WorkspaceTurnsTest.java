package io.archivist.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.WorkspaceId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R14: the writes of a workspace take turns in a fair, bounded queue that holds nothing of the store's. */
class WorkspaceTurnsTest {

    private static final WorkspaceId A = WorkspaceId.of("turns-a");
    private static final WorkspaceId B = WorkspaceId.of("turns-b");
    private static final Duration LONG = Duration.ofMinutes(2);

    /** The store: records how many units run at once in each workspace. */
    private final List<String> entered = new CopyOnWriteArrayList<>();

    private final UnitOfWork store = new UnitOfWork() {
        @Override
        public <T> T write(WorkspaceId workspace, Supplier<T> work) {
            entered.add(workspace.value());
            return work.get();
        }

        @Override
        public <T> T read(WorkspaceId workspace, Supplier<T> work) {
            return work.get();
        }
    };
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void a_nested_write_of_the_same_workspace_joins_the_turn_it_holds() {
        WorkspaceTurns turns = new WorkspaceTurns(store, LONG, 4);
        assertEquals("inner", turns.write(A, () -> turns.write(A, () -> "inner")));
        assertEquals(2, entered.size(), "both reached the store, the nested one inside the first");
        assertEquals(0, turns.queues(), "no queue is left once the workspace is idle");
    }

    @Test
    void writers_of_a_workspace_get_their_turn_in_the_order_they_asked_for_it() throws Exception {
        WorkspaceTurns turns = new WorkspaceTurns(store, LONG, 8);
        Future<?> holder = holdTurn(turns, A);
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            int writer = i;
            threads.submit(() -> turns.write(A, () -> order.add(writer)));
            int queued = i + 1;
            await(() -> turns.waiting(A) == queued, "writer " + writer + " queued");
        }
        release.countDown();
        holder.get(1, TimeUnit.MINUTES);
        await(() -> order.size() == 5, "every writer had its turn");
        assertEquals(List.of(0, 1, 2, 3, 4), order);
        await(() -> turns.queues() == 0, "the queue went away with its last writer");
    }

    @Test
    void another_workspace_and_reads_never_wait_for_a_turn() throws Exception {
        WorkspaceTurns turns = new WorkspaceTurns(store, LONG, 8);
        holdTurn(turns, A);
        threads.submit(() -> turns.write(A, () -> null));
        await(() -> turns.waiting(A) == 1, "a writer queued in A");
        assertEquals("b", turns.write(B, () -> "b"), "B's write ran while A's queue was busy");
        assertEquals("read", turns.read(A, () -> "read"));
        assertEquals("latest", turns.readLatest(A, () -> "latest"));
    }

    @Test
    void past_the_write_wait_a_writer_is_refused_with_concurrent_modification() throws Exception {
        WorkspaceTurns turns = new WorkspaceTurns(store, Duration.ofMillis(100), 8);
        holdTurn(turns, A);
        ArchivistException refused = assertThrows(ArchivistException.class, () -> turns.write(A, () -> "late"));
        assertEquals(ErrorCode.CONCURRENT_MODIFICATION, refused.code());
        assertEquals(List.of(A.value()), entered, "only the holder reached the store, never the refused writer");
        assertEquals(0, turns.waiting(A));
    }

    @Test
    void a_full_queue_refuses_the_next_writer_at_once() throws Exception {
        WorkspaceTurns turns = new WorkspaceTurns(store, LONG, 2);
        holdTurn(turns, A);
        for (int i = 1; i <= 2; i++) {
            threads.submit(() -> turns.write(A, () -> null));
            int queued = i;
            await(() -> turns.waiting(A) == queued, queued + " writers queued");
        }
        // The holder still holds the turn for minutes: a refusal now cannot have come from the wait.
        ArchivistException refused = assertThrows(ArchivistException.class, () -> turns.write(A, () -> "third"));
        assertEquals(ErrorCode.CONCURRENT_MODIFICATION, refused.code());
        assertTrue(refused.getMessage().contains("2 writes already wait"), refused.getMessage());
        assertEquals(2, turns.waiting(A), "the refused writer left no trace in the queue");
        release.countDown();
        await(() -> turns.queues() == 0, "the queue emptied");
        assertEquals(3, entered.size(), "the holder and both queued writers ran; the refused one did not");
    }

    /** A writer that holds {@code workspace}'s turn until the test releases it. */
    private Future<?> holdTurn(WorkspaceTurns turns, WorkspaceId workspace) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> turns.write(workspace, () -> {
            holding.countDown();
            try {
                return release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertTrue(holding.await(1, TimeUnit.MINUTES), "the holder got its turn");
        return holder;
    }

    /** Polls a condition; the bound only turns a hang into a failure. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(5);
        }
    }
}
