package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * R8: concurrent operations on overlapping parts of the graph give the result of some serial order,
 * and I1-I4 hold at every instant a reader can observe. Threads start together at a latch; the
 * wait for them is bounded only to turn a deadlock into a failure, never to time anything.
 */
public interface ConcurrencyContract extends StoreContractSupport {

    int THREADS = 4;
    int STEPS_PER_THREAD = 60;
    /** The refusals a step may meet because another thread got there first; anything else fails. */
    Set<ErrorCode> RACES = EnumSet.of(
            ErrorCode.RECORD_NOT_FOUND,
            ErrorCode.PARENT_ARCHIVED,
            ErrorCode.NOT_ARCHIVED,
            ErrorCode.UNIQUE_CONFLICT,
            ErrorCode.RECORD_ARCHIVED,
            ErrorCode.VALIDATION_FAILED,
            ErrorCode.CONCURRENT_MODIFICATION);

    @Test
    default void r8_threads_archiving_restoring_purging_and_creating_over_one_graph_keep_i1_to_i4() throws Exception {
        long seed = Seeds.seed();
        List<RecordId> accounts = new CopyOnWriteArrayList<>();
        List<RecordId> projects = new CopyOnWriteArrayList<>();
        List<RecordId> labels = new CopyOnWriteArrayList<>();
        List<RecordId> known = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Tree tree = tree();
            accounts.add(tree.account());
            projects.add(tree.project());
            labels.add(tree.label());
            known.addAll(tree.all());
        }
        List<String> violations = new CopyOnWriteArrayList<>();
        List<Callable<Void>> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed + t);
            int thread = t;
            threads.add(() -> {
                for (int step = 0; step < STEPS_PER_THREAD; step++) {
                    RecordId target = known.get(random.nextInt(known.size()));
                    int action = random.nextInt(10);
                    try {
                        if (action < 3) {
                            delete(target);
                        } else if (action < 5) {
                            restore(target);
                        } else if (action < 6) {
                            bulk(
                                    random.nextBoolean() ? Action.ARCHIVE : Action.RESTORE,
                                    false,
                                    target,
                                    known.get(random.nextInt(known.size())));
                        } else if (action < 8) {
                            RecordId project = projects.get(random.nextInt(projects.size()));
                            RecordId label = labels.get(random.nextInt(labels.size()));
                            RecordId task = task(project, label);
                            known.add(task);
                            known.add(comment(task));
                        } else {
                            RecordId account = accounts.get(random.nextInt(accounts.size()));
                            RecordId project = project(account, "P" + random.nextInt(4));
                            projects.add(project);
                            known.add(project);
                        }
                    } catch (ArchivistException refusal) {
                        if (!RACES.contains(refusal.code())) {
                            violations.add("thread " + thread + " step " + step + ": unexpected " + refusal.code() + " "
                                    + refusal.getMessage());
                        }
                    }
                    String after = "thread " + thread + " after step " + step + ": ";
                    Invariants.violations(ports(), workspace(), Optional.empty())
                            .forEach(v -> violations.add(after + v));
                }
                return null;
            });
        }

        runTogether(threads);

        if (!violations.isEmpty()) {
            throw Seeds.failure(seed, violations.size() + " violations", new AssertionError(violations));
        }
        List<String> atRest = Invariants.violations(ports(), workspace(), Optional.of(ledger()));
        if (!atRest.isEmpty()) {
            throw Seeds.failure(seed, "at rest", new AssertionError(atRest));
        }
    }

    @Test
    default void r6_of_two_concurrent_creates_with_one_unique_value_exactly_one_wins() throws Exception {
        RecordId account = account();
        for (int round = 0; round < 5; round++) {
            String code = "RACE-" + round;
            List<Optional<ErrorCode>> outcomes =
                    runTogether(List.of(outcome(() -> project(account, code)), outcome(() -> project(account, code))));

            assertEquals(1, outcomes.stream().filter(Optional::isEmpty).count(), "round " + round + ": " + outcomes);
            assertTrue(
                    outcomes.contains(Optional.of(ErrorCode.UNIQUE_CONFLICT))
                            || outcomes.contains(Optional.of(ErrorCode.CONCURRENT_MODIFICATION)),
                    outcomes.toString());
        }
    }

    @Test
    default void r6_of_two_concurrent_inserts_of_one_key_through_the_port_exactly_one_wins() throws Exception {
        RecordId account = account();
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round;
            List<Callable<Optional<ErrorCode>>> racers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                StoredRecord project = StoredRecord.create(
                        RecordId.of(java.util.UUID.randomUUID()),
                        workspace(),
                        PROJECT,
                        Optional.of(key),
                        Map.of(),
                        List.of(account),
                        manager().actor(),
                        clock().now());
                racers.add(outcome(() -> {
                    ports().unitOfWork().write(workspace(), () -> {
                        ports().records().insert(project, Map.of());
                        return null;
                    });
                    ledger().created(PROJECT);
                }));
            }

            List<Optional<ErrorCode>> outcomes = runTogether(racers);

            assertEquals(1, outcomes.stream().filter(Optional::isEmpty).count(), "round " + round + ": " + outcomes);
        }
    }

    @Test
    default void r8_children_created_while_their_parent_is_archived_never_stay_active_under_it() throws Exception {
        for (int round = 0; round < 5; round++) {
            RecordId account = account();
            List<RecordId> created = new CopyOnWriteArrayList<>();
            List<Callable<Optional<ErrorCode>>> racers = new ArrayList<>();
            racers.add(outcome(() -> archive(account)));
            for (int i = 0; i < 3; i++) {
                racers.add(outcome(() -> created.add(label(account))));
            }

            runTogether(racers);

            assertTrue(stored(account).archived());
            for (RecordId label : created) {
                assertEquals(
                        stored(account).archiveOperation(),
                        stored(label).archiveOperation(),
                        "a label created before the archive went with it");
            }
            List<String> violations = Invariants.violations(ports(), workspace(), Optional.of(ledger()));
            assertTrue(violations.isEmpty(), "round " + round + ": " + violations);
        }
    }

    @Test
    default void r8_of_concurrent_archives_of_one_record_exactly_one_archives_it() throws Exception {
        Tree tree = tree();
        List<Callable<LifecycleResult.Outcome>> racers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            racers.add(() -> noted(lifecycle().archive(LifecycleCommand.of(manager(), tree.account())))
                    .outcome());
        }

        List<LifecycleResult.Outcome> outcomes = runTogether(racers);

        assertEquals(
                1,
                outcomes.stream()
                        .filter(LifecycleResult.Outcome.ARCHIVED::equals)
                        .count(),
                outcomes.toString());
        assertEquals(
                THREADS - 1,
                outcomes.stream()
                        .filter(LifecycleResult.Outcome.UNCHANGED::equals)
                        .count());
        assertEquals(
                1,
                snapshot().records().values().stream()
                        .map(StoredRecord::archiveOperation)
                        .distinct()
                        .count());
    }

    /** Runs {@code work} and tells how it ended: empty when it succeeded, else the code it was refused with. */
    static Callable<Optional<ErrorCode>> outcome(Runnable work) {
        return () -> {
            try {
                work.run();
                return Optional.empty();
            } catch (ArchivistException refusal) {
                return Optional.of(refusal.code());
            }
        };
    }

    /** Starts every task at once and waits for all; a task that throws fails the test. */
    static <T> List<T> runTogether(List<? extends Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(5, TimeUnit.MINUTES));
                } catch (ExecutionException failed) {
                    throw new AssertionError("a concurrent task failed: " + failed.getCause(), failed.getCause());
                } catch (TimeoutException stuck) {
                    throw new AssertionError("a concurrent task never finished: a deadlock?", stuck);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
