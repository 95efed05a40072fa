package io.archivist.benchmarks;

import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * P8's workspace A, the noisy neighbour: archives and restores a large subtree over HTTP, cycle after
 * cycle, while {@link #WRITERS} writers each keep a create in A (then a short pause): during every
 * cascade they queue for A's turn. A cascade refused with 409 or 503 is sent again, as a client
 * would after Retry-After; any other answer, or none within its timeout, is a failure and ends A's
 * cycles, for good: the subtree's state is then unknown, and a second delete of an archived root
 * would purge it. A writer's 409 is R14's refusal after the write wait, by design; any other answer than
 * 201 is a failure.
 */
final class NoisyNeighbour {

    static final WorkspaceId WORKSPACE = WorkspaceId.of("bench-neighbour-a");
    static final int WRITERS = 8;
    static final Duration WRITER_PAUSE = Duration.ofMillis(100);
    private static final int MAX_WRITES = 100_000;
    private static final int ATTEMPTS = 30;
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(2);

    private final RecordId root;
    private volatile String brokenBy;

    private NoisyNeighbour(RecordId root) {
        this.root = root;
    }

    /** Defines the benchmark's types in A and writes the subtree through the store. */
    static NoisyNeighbour load(Archivist archivist, TreeShape shape) {
        archivist.define(WORKSPACE, Subtrees.types());
        return new NoisyNeighbour(archivist.load(WORKSPACE, shape, "a"));
    }

    /** What A did in one phase. */
    record Done(
            int cycles,
            Samples archives,
            Samples restores,
            long retried,
            long created,
            long turnedAway,
            long failed,
            List<String> firstFailures) {

        String describe() {
            String text = String.format(
                    Locale.ROOT,
                    "%d archive+restore cycles (archive %s, restore %s, median;"
                            + " %d sent again after 409/503); %d writers: %,d created, %,d refused with 409; %,d failed",
                    cycles,
                    median(archives),
                    median(restores),
                    retried,
                    WRITERS,
                    created,
                    turnedAway,
                    failed);
            return firstFailures.isEmpty() ? text : text + " (" + String.join("; ", firstFailures) + ")";
        }
    }

    /** A's load under way on its own threads. */
    final class Load {
        private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicLong created = new AtomicLong(), turnedAway = new AtomicLong(), failed = new AtomicLong();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final Samples archives = new Samples(), restores = new Samples();
        private final AtomicLong retried = new AtomicLong();
        private final Future<Integer> cascades;

        private Load(Api api, Api writes, int cycles, Instant deadline) {
            this.cascades = threads.submit(() -> {
                try {
                    if (brokenBy != null) {
                        fail("no cycle: an earlier cascade of A failed (" + brokenBy + ")");
                        return 0;
                    }
                    int done = 0;
                    while (done < cycles
                            && Instant.now().isBefore(deadline)
                            && archives.time(
                                    () -> cascade(api, "archive", () -> api.delete("/records/" + root), "archived"))
                            && restores.time(() -> cascade(
                                    api,
                                    "restore",
                                    () -> api.post("/records/" + root + "/restore", "{}"),
                                    "restored"))) {
                        done++;
                    }
                    return done;
                } finally {
                    finished.set(true);
                }
            });
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                threads.submit(() -> write(writes, writer, deadline));
            }
        }

        /** True once A's cascades are over (done, or failed): B's phase ends with them. */
        boolean finished() {
            return finished.get();
        }

        /** Waits for the writers to stop after the cascades. */
        Done await() throws InterruptedException {
            try {
                int cycles = cascades.get();
                return new Done(
                        cycles,
                        archives,
                        restores,
                        retried.get(),
                        created.get(),
                        turnedAway.get(),
                        failed.get(),
                        List.copyOf(failures));
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } finally {
                threads.shutdown();
                if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
                    threads.shutdownNow();
                }
            }
        }

        /** True when the cascade did what it should; otherwise counts the failure. */
        private boolean cascade(Api api, String what, Supplier<Api.Answer> send, String outcome)
                throws InterruptedException {
            for (int attempt = 1; ; attempt++) {
                Api.Answer answer = send.get();
                if (answer.status() == 200 && answer.body().contains("\"outcome\":\"" + outcome + "\"")) {
                    return true;
                }
                if ((answer.status() != 409 && answer.status() != 503) || attempt == ATTEMPTS) {
                    brokenBy = what + " answered " + answer.describe();
                    fail(brokenBy);
                    return false;
                }
                retried.incrementAndGet();
                Duration pause = answer.retryAfter().orElse(Duration.ofMillis(200));
                Thread.sleep(Math.min(pause.toMillis(), MAX_RETRY_PAUSE.toMillis()));
            }
        }

        private void fail(String what) {
            failed.incrementAndGet();
            if (failures.size() < 3) {
                failures.add(what);
            }
        }

        private Void write(Api api, int writer, Instant deadline) throws InterruptedException {
            for (int n = 0; n < MAX_WRITES && !finished.get() && Instant.now().isBefore(deadline); n++) {
                Api.Answer answer = api.post(
                        "/records",
                        "{\"type\":\"account\",\"attributes\":{\"title\":\"writer " + writer + " number " + n + "\"}}");
                if (answer.status() == 201) {
                    created.incrementAndGet();
                } else if (answer.status() == 409) {
                    turnedAway.incrementAndGet();
                } else {
                    fail("a create answered " + answer.describe());
                }
                Thread.sleep(WRITER_PAUSE.toMillis());
            }
            return null;
        }
    }

    private static String median(Samples samples) {
        return samples.count() == 0 ? "none" : ResultTable.millis(samples.medianMillis());
    }

    /** Starts A's load: {@code cycles} archive+restore cycles of the subtree, the writers until they end. */
    Load start(Api cascades, Api writes, int cycles, Instant deadline) {
        return new Load(cascades, writes, cycles, deadline);
    }
}
