package io.archivist.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P8, noisy neighbour: how much workspace A's heavy work slows workspace B's small requests on the
 * same service. Two services run side by side in this JVM, each on its own database: the one
 * measured, and a second one (the control). A's data is loaded into both. B's client
 * ({@link SmallRequests}) runs three times against the first service: alone; while A's load
 * ({@link NoisyNeighbour}) runs on the control, which is what merely sharing the machine's cores
 * costs, the best any isolation can do; and while the same load runs in A on B's own service.
 * The ratio is B's p99 under A's load over B's p99 beside the control: on PostgreSQL at most 1.5,
 * with no failed request (of B, or of A in either service: see {@link NoisyNeighbour}). The embedded H2 default runs the same at its own size, reported
 * without a target. Every phase is bounded in requests and in time.
 */
final class NeighbourScenario {

    static final double TARGET = 1.5;
    static final Duration PHASE_LIMIT = Duration.ofMinutes(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** 100,000 records take seconds; a million, under a minute (BENCHMARKS.md). */
    static final Duration CASCADE_TIMEOUT = Duration.ofMinutes(3);

    static final String CONTROL_DATABASE_SUFFIX = "_control";
    static final String ROLE = "JOURNEY_MANAGER";

    private NeighbourScenario() {}

    static List<Result> run(Options options) throws Exception {
        List<Result> results = new ArrayList<>();
        try (Service service = Service.onPostgres(options, Map.of());
                Service control =
                        Service.onPostgres(Postgres.otherDatabase(options, CONTROL_DATABASE_SUFFIX), Map.of())) {
            results.add(measure(service, control, options.neighbour(), TARGET, options));
        }
        try (Service service = Service.onEmbeddedH2();
                Service control = Service.onEmbeddedH2()) {
            results.add(measure(service, control, options.neighbourH2(), Double.NaN, options));
        }
        return results;
    }

    /** Workspace A of one service and the client that loads it. */
    private record Neighbour(NoisyNeighbour workspace, Api api) {

        static Neighbour on(Service service, TreeShape shape, HttpClient client) {
            return new Neighbour(
                    NoisyNeighbour.load(service.archivist, shape),
                    new Api(
                            client,
                            service.uri(),
                            service.token("bench-a", ROLE, NoisyNeighbour.WORKSPACE),
                            REQUEST_TIMEOUT));
        }
    }

    /** One phase with A's load: what B saw, and what A did. */
    private record Loaded(SmallRequests.Tally b, NoisyNeighbour.Done a) {}

    private static Result measure(Service service, Service control, long size, double target, Options options)
            throws Exception {
        String store = service.store();
        TreeShape shape = new TreeShape(size, 42);
        int cycles = Math.max(1, options.repetitions());
        HttpClient client = Api.client();
        Log.info(
                "P8 (%s): loading workspace A's subtree of %,d records into both services, and B's records",
                store, shape.size());
        Neighbour here = Neighbour.on(service, shape, client);
        Neighbour there = Neighbour.on(control, shape, client);
        SmallRequests b = SmallRequests.load(service.archivist);
        service.settle();
        control.settle();
        Api bApi = new Api(
                client, service.uri(), service.token("bench-b", ROLE, SmallRequests.WORKSPACE), REQUEST_TIMEOUT);
        if (options.warmUp()) {
            // Both services run the same classes in this JVM: the control's cycle compiles A's path for both.
            Log.info("P8 (%s): warming up: B alone, then beside one cycle of A on the control", store);
            alone(b, bApi, options.neighbourRequests() / 2);
            loaded(b, bApi, there, 1);
        }
        Log.info("P8 (%s): B alone, %,d requests", store, options.neighbourRequests());
        SmallRequests.Tally alone = alone(b, bApi, options.neighbourRequests());
        Log.info("P8 (%s): B beside A's load on the second service (the control), %d cycles", store, cycles);
        Loaded beside = loaded(b, bApi, there, cycles);
        Log.info("P8 (%s): B with A's load on the same service, %d cycles", store, cycles);
        Loaded same = loaded(b, bApi, here, cycles);
        Log.info("P8 (%s): measured", store);
        long errors = alone.errors()
                + beside.b().errors()
                + same.b().errors()
                + beside.a().failed()
                + same.a().failed();
        return new Result(
                "P8",
                String.format(Locale.ROOT, "B's p99, A archiving %,d", shape.size()),
                store + ", HTTP",
                same.b().requests(),
                "requests",
                same.b().p99Millis(),
                same.b().perSecond(),
                "A's load on a second service (control)",
                beside.b().p99Millis(),
                beside.b().perSecond(),
                target,
                note(alone, beside, same, target),
                Result.Goal.LATENCY_AT_MOST,
                errors);
    }

    private static SmallRequests.Tally alone(SmallRequests b, Api bApi, long requests) {
        return b.run(bApi, () -> false, requests, Instant.now().plus(PHASE_LIMIT));
    }

    /** B's client while A's load runs on {@code a}'s service; ends with A's cycles. */
    private static Loaded loaded(SmallRequests b, Api bApi, Neighbour a, int cycles) throws InterruptedException {
        Instant deadline = Instant.now().plus(PHASE_LIMIT);
        NoisyNeighbour.Load load = a.workspace().start(a.api().withTimeout(CASCADE_TIMEOUT), a.api(), cycles, deadline);
        SmallRequests.Tally tally =
                b.run(bApi, load::finished, PHASE_LIMIT.toNanos() / SmallRequests.PACE.toNanos(), deadline);
        return new Loaded(tally, load.await());
    }

    private static String note(SmallRequests.Tally alone, Loaded beside, Loaded same, double target) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(
                Locale.ROOT,
                "B: 1 client, a request every %d ms (get, list, create, patch, archive and"
                        + " restore of a 3-record subtree), each latency from when it was due",
                SmallRequests.PACE.toMillis()));
        parts.add("B alone: " + describe(alone));
        parts.add("B beside the control: " + describe(beside.b()));
        parts.add("B under A's load: " + describe(same.b())
                + String.format(Locale.ROOT, " (p99 %.1f× alone)", same.b().p99Millis() / alone.p99Millis()));
        parts.add("A on the same service: " + same.a().describe());
        parts.add("A on the control: " + beside.a().describe());
        if (Double.isNaN(target)) {
            parts.add("no target on the embedded store (docs/quality.md: reported)");
        }
        return String.join("; ", parts);
    }

    private static String describe(SmallRequests.Tally tally) {
        String text = String.format(
                Locale.ROOT,
                "p50 %s, p99 %s, %,d errors of %,d requests",
                ResultTable.millis(tally.p50Millis()),
                ResultTable.millis(tally.p99Millis()),
                tally.errors(),
                tally.requests());
        return tally.firstErrors().isEmpty() ? text : text + " (" + String.join("; ", tally.firstErrors()) + ")";
    }
}
