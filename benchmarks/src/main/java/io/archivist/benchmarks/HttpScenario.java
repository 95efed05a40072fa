package io.archivist.benchmarks;

import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * P6: {@code GET /api/v1/records/{id}} of the running service (the REST module on the JDBC store on
 * PostgreSQL, a real JWT on every request) against {@link TrivialController} in the same server,
 * from 2 client threads. Each round sends the same number of requests to both (the side that goes
 * first alternating); the table shows the median round's requests per second, and the note the p50
 * and p99 latencies over every round.
 */
final class HttpScenario {

    static final WorkspaceId WORKSPACE = WorkspaceId.of("bench-http");
    static final int THREADS = 2;
    static final int RECORDS = 10_000;

    private HttpScenario() {}

    static List<Result> run(Options options) throws Exception {
        try (Service service = Service.onPostgres(options, Map.of(TrivialController.ENABLED, true))) {
            List<RecordId> ids = load(service.archivist, (int) Math.min(RECORDS, Math.max(100, options.requests())));
            service.settle();
            return List.of(measure(service.uri(), service.token("bench-reader", "MEMBER", WORKSPACE), ids, options));
        }
    }

    private static Result measure(URI base, String token, List<RecordId> ids, Options options) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        Target archivist = id -> base.resolve("/api/v1/records/" + id);
        Target trivial = id -> base.resolve("/bench/ping");
        int perRound = (int) Math.max(THREADS, options.requests());
        if (options.warmUp()) {
            Log.info("P6: warming up, %,d requests to each endpoint", perRound / 2);
            round(client, token, ids, archivist, perRound / 2, new Samples());
            round(client, token, ids, trivial, perRound / 2, new Samples());
        }
        Samples archivistLatency = new Samples(), trivialLatency = new Samples();
        List<Double> archivistRates = new ArrayList<>(), trivialRates = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            Log.info(
                    "P6: round %d of %d, %,d requests to each endpoint over %d threads",
                    rep + 1, options.repetitions(), perRound, THREADS);
            if (rep % 2 == 0) {
                archivistRates.add(round(client, token, ids, archivist, perRound, archivistLatency));
                trivialRates.add(round(client, token, ids, trivial, perRound, trivialLatency));
            } else {
                trivialRates.add(round(client, token, ids, trivial, perRound, trivialLatency));
                archivistRates.add(round(client, token, ids, archivist, perRound, archivistLatency));
            }
        }
        double rate = median(archivistRates), baselineRate = median(trivialRates);
        String note = String.format(
                Locale.ROOT,
                "2 client threads, JWT on both; GET /records/{id}: p50 %.3f ms, "
                        + "p99 %.3f ms; trivial endpoint: p50 %.3f ms, p99 %.3f ms",
                archivistLatency.percentileNanos(50) / 1e6,
                archivistLatency.percentileNanos(99) / 1e6,
                trivialLatency.percentileNanos(50) / 1e6,
                trivialLatency.percentileNanos(99) / 1e6);
        return new Result(
                "P6",
                "GET /records/{id}, JWT",
                "postgresql, HTTP",
                perRound,
                "requests",
                archivistLatency.percentileNanos(50) / 1e6,
                rate,
                "trivial JSON endpoint, same server",
                trivialLatency.percentileNanos(50) / 1e6,
                baselineRate,
                0.5,
                note);
    }

    interface Target {
        URI of(RecordId id);
    }

    /** {@code requests} GETs over {@link #THREADS} threads; returns requests per second, adds each latency. */
    private static double round(
            HttpClient client, String token, List<RecordId> ids, Target target, int requests, Samples latencies)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < THREADS; t++) {
                int share = requests / THREADS + (t < requests % THREADS ? 1 : 0);
                done.add(threads.submit(() -> {
                    List<Long> times = new ArrayList<>(share);
                    for (int i = 0; i < share; i++) {
                        RecordId id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                        HttpRequest request = HttpRequest.newBuilder(target.of(id))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build();
                        long before = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        times.add(System.nanoTime() - before);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(
                                    "P6: " + request.uri() + " answered " + response.statusCode() + ": "
                                            + new String(response.body(), StandardCharsets.UTF_8));
                        }
                    }
                    return times;
                }));
            }
            for (Future<List<Long>> thread : done) {
                thread.get().forEach(latencies::add);
            }
            return requests / ((System.nanoTime() - start) / 1e9);
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<RecordId> load(Archivist archivist, int count) {
        archivist.define(WORKSPACE, List.of(new ObjectType("item", true, List.of(), List.of(), Optional.empty())));
        Subtrees.Ids ids = new Subtrees.Ids();
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<RecordId> loaded = new ArrayList<>(count);
        archivist.unitOfWork.write(WORKSPACE, () -> {
            Batches<io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues> batches =
                    new Batches<>(Archivist.BATCH, archivist.batches::insertAll);
            for (long serial = 0; serial < count; serial++) {
                var record = io.archivist.domain.StoredRecord.create(
                        ids.of(serial),
                        WORKSPACE,
                        "item",
                        Optional.of("item-" + serial),
                        Map.of("title", "item number " + serial, "status", "open", "priority", (int) (serial % 5)),
                        List.of(),
                        Subtrees.ACTOR,
                        at);
                batches.accept(new io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues(
                        record, Map.of()));
                loaded.add(record.id());
            }
            batches.flush();
            return null;
        });
        return loaded;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
