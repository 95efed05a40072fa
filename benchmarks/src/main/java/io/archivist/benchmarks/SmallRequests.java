package io.archivist.benchmarks;

import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * P8's workspace B: one client sending a mix of small requests at a steady pace, a round at a time:
 * get a record, list a page, create a record, patch one, archive a 3-record subtree (an account and
 * its two projects) and restore it. It archives with {@code PATCH {"archived": true}}, which never
 * purges: a subtree whose restore failed is not destroyed by its next round. Each latency counts from when the request was due, not from
 * when it was sent: a request stuck behind a stalled one is late by the whole stall, as it would be
 * for the many users of a shared service (a client that waits before sending would hide the stall).
 */
final class SmallRequests {

    static final WorkspaceId WORKSPACE = WorkspaceId.of("bench-neighbour-b");
    /** 40 requests a second: a busy team, far from what the service can answer. */
    static final Duration PACE = Duration.ofMillis(25);

    static final int REQUESTS_PER_ROUND = 6;
    private static final int SUBTREES = 20;

    private final List<RecordId> accounts = new ArrayList<>();
    private final List<RecordId> projects = new ArrayList<>();
    private final List<RecordId> all = new ArrayList<>();

    /** Defines the benchmark's types in B and writes its subtrees through the store. */
    static SmallRequests load(Archivist archivist) {
        archivist.define(WORKSPACE, Subtrees.types());
        SmallRequests b = new SmallRequests();
        Subtrees.Ids ids = new Subtrees.Ids();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        archivist.write(WORKSPACE, out -> {
            for (long serial = 0; serial < SUBTREES * 3L; serial += 3) {
                long[] root = {serial};
                for (Subtrees.Node node : List.of(
                        new Subtrees.Node(0, serial, new long[0]),
                        new Subtrees.Node(1, serial + 1, root),
                        new Subtrees.Node(1, serial + 2, root))) {
                    out.accept(Subtrees.record(node, ids, "b", WORKSPACE, at));
                    (node.level() == 0 ? b.accounts : b.projects).add(ids.of(node.serial()));
                    b.all.add(ids.of(node.serial()));
                }
            }
        });
        return b;
    }

    /** B's requests of one phase: every latency (answered or not), and the requests that failed. */
    record Tally(Samples latencies, long requests, long errors, List<String> firstErrors, double seconds) {

        double p50Millis() {
            return latencies.percentileNanos(50) / 1e6;
        }

        double p99Millis() {
            return latencies.percentileNanos(99) / 1e6;
        }

        double perSecond() {
            return requests / seconds;
        }
    }

    /**
     * Sends whole rounds (so that no subtree stays archived) until {@code enough} says so between
     * rounds, at most {@code maxRequests} requests and never past {@code deadline}.
     */
    Tally run(Api api, BooleanSupplier enough, long maxRequests, Instant deadline) {
        Samples latencies = new Samples();
        List<String> errors = new ArrayList<>();
        long failed = 0, sent = 0;
        long start = System.nanoTime();
        long due = start;
        for (int round = 0;
                sent + REQUESTS_PER_ROUND <= Math.max(maxRequests, REQUESTS_PER_ROUND)
                        && (round == 0 || !enough.getAsBoolean())
                        && Instant.now().isBefore(deadline);
                round++) {
            RecordId account = accounts.get(round % accounts.size());
            RecordId project = projects.get(2 * (round % accounts.size()));
            RecordId any = all.get(ThreadLocalRandom.current().nextInt(all.size()));
            for (int step = 0; step < REQUESTS_PER_ROUND; step++) {
                LockSupport.parkNanos(due - System.nanoTime());
                Api.Answer answer = switch (step) {
                    case 0 -> expect(200, api.get("/records/" + any));
                    case 1 -> expect(200, api.get("/records?type=project&limit=20"));
                    case 2 ->
                        expect(
                                201,
                                api.post(
                                        "/records",
                                        "{\"type\":\"account\",\"attributes\":{\"title\":\"round " + round + "\"}}"));
                    case 3 ->
                        expect(
                                200,
                                api.patch("/records/" + project, "{\"attributes\":{\"priority\":" + round % 5 + "}}"));
                    case 4 -> expect(200, api.patch("/records/" + account, "{\"archived\":true}"));
                    default -> expect(200, api.post("/records/" + account + "/restore", "{}"));
                };
                latencies.add(System.nanoTime() - due);
                sent++;
                if (answer != null) {
                    failed++;
                    if (errors.size() < 3) {
                        errors.add(answer.describe());
                    }
                }
                due += PACE.toNanos();
            }
        }
        return new Tally(latencies, sent, failed, errors, (System.nanoTime() - start) / 1e9);
    }

    /** Null when the answer is the expected one; otherwise the answer, an error. */
    private static Api.Answer expect(int status, Api.Answer answer) {
        return answer.status() == status ? null : answer;
    }
}
