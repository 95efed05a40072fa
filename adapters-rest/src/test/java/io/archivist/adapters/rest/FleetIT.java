package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.adapters.persistence.mongo.InProcessMongo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7: many instances, one store, behind HAProxy configured as the deployment guide says
 * (deploy/haproxy.cfg): three instances on one PostgreSQL database, and two on one MongoDB (the
 * in-process wire server of this JVM, which the instances reach on its port), started at once on the
 * fresh store. First, asked one by one, the instances show that a catalog change made through one is
 * seen by the others at once, and that an Idempotency-Key answered by one is answered the same by the
 * others. Then writers send creates, patches, archives, restores, purges and bulk requests, each with
 * an Idempotency-Key, through HAProxy, retrying what invites a retry, while one instance is killed
 * (SIGKILL) and another stopped (SIGTERM); on MongoDB a replacement joins in between, and nobody
 * configures a node id: the dead instance's unit is recovered once its lease expires. Afterwards the
 * stopped instance has exited 0, every acknowledged write is there and every retry gets its first
 * answer (through the survivors), I1-I4 hold, and the retention job, every 2 s on each instance, took
 * at most one turn per interval between them all. The machine's HAProxy is needed: see {@link Haproxy}.
 */
class FleetIT {

    private static final int WRITERS = 4;
    private static final Duration RETENTION_INTERVAL = Duration.ofSeconds(2);
    /** What the retention job logs when it gets an interval's turn (RetentionJob). */
    private static final String TURN_TAKEN = "The retention job's turn for this interval is this instance's";

    @Test
    void three_instances_on_one_postgresql_behind_haproxy_one_killed_one_stopped() throws Exception {
        Haproxy.binary();
        Path dir = directory("postgresql");
        try (CrashStores.Opened database = CrashStores.POSTGRESQL.open(dir, CrashStores.database("fleet"))) {
            runFleet(dir, database.properties(), 3, false);
        }
    }

    @Test
    void two_instances_on_one_mongodb_behind_haproxy_one_killed_and_replaced_one_stopped() throws Exception {
        Haproxy.binary();
        Path dir = directory("mongo");
        try (InProcessMongo mongo = new InProcessMongo()) {
            runFleet(dir, Map.of("archivist.store", "mongo", "mongodb.uri", mongo.uri() + "/fleet"), 2, true);
        }
    }

    private static Path directory(String store) {
        return Path.of("target", "test-data", "FleetIT-" + store + "-" + UUID.randomUUID());
    }

    private static void runFleet(Path dir, Map<String, String> store, int instances, boolean replace) throws Exception {
        long began = System.nanoTime();
        Map<String, String> properties = new HashMap<>(store);
        properties.put("archivist.jwt.secret", Tokens.SECRET);
        properties.put("archivist.retention.enabled", "true");
        properties.put("archivist.retention.interval", RETENTION_INTERVAL.toMillis() + "ms");
        properties.put("archivist.retention.initial-delay", "1s");
        properties.put("archivist.shutdown.grace-period", "10s");
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < instances + (replace ? 1 : 0); i++) {
            ports.add(ServiceProcess.freePort());
        }
        List<ServiceProcess> fleet = new ArrayList<>();
        try {
            fleet.addAll(startTogether(dir, properties, ports.subList(0, instances)));
            try (Haproxy haproxy = Haproxy.start(dir, ports)) {
                Api balanced = new Api(haproxy.uri());
                awaitBalanced(balanced, haproxy);
                catalogAndKeysHoldAcrossInstances(
                        fleet.stream().map(s -> new Api(s.uri())).toList());

                AcknowledgedWrites writes = AcknowledgedWrites.throughBalancer(balanced, Duration.ofSeconds(60));
                writes.defineTypes();
                AtomicBoolean stop = new AtomicBoolean();
                CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                    try {
                        writes.runUntil(WRITERS, stop);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                awaitRounds(writes, run, 6);
                ServiceProcess killed = fleet.get(0);
                killed.kill();
                int killedAt = writes.rounds.size();
                if (replace) {
                    fleet.add(ServiceProcess.start(
                            dir.resolve("instance-" + fleet.size() + ".log"), properties, ports.get(instances)));
                }
                awaitRounds(writes, run, writes.rounds.size() + 6);
                ServiceProcess stopped = fleet.get(1);
                stopped.terminate();
                int stoppedAt = writes.rounds.size();
                assertEquals(0, stopped.awaitExit(Duration.ofSeconds(40)), "a stopped instance exits cleanly");
                awaitRounds(writes, run, writes.rounds.size() + 6);
                stop.set(true);
                run.get(3, TimeUnit.MINUTES);

                writes.assertEveryAcknowledgedWriteKept(balanced);
                long turns = fleet.stream()
                        .mapToLong(instance -> instance.log().split(TURN_TAKEN, -1).length - 1)
                        .sum();
                double seconds = (System.nanoTime() - began) / 1e9;
                long most = (long) Math.floor(seconds / (RETENTION_INTERVAL.toMillis() * 0.95 / 1000)) + 1;
                System.out.printf(
                        "%d instances%s: %d rounds, %d requests acknowledged (%d retried), one killed after %d rounds,"
                                + " one stopped after %d; retention: %d turns in %.1f s (at most %d)%n",
                        instances,
                        replace ? " and a replacement" : "",
                        writes.rounds.size(),
                        writes.sent.size(),
                        writes.retried.get(),
                        killedAt,
                        stoppedAt,
                        turns,
                        seconds,
                        most);
                assertTrue(turns >= 1, "the retention job ran");
                assertTrue(
                        turns <= most,
                        () -> turns + " retention turns in " + seconds + " s: more than one per interval");
            }
        } finally {
            for (ServiceProcess instance : fleet) {
                instance.close();
            }
        }
    }

    /** Starts the instances at once on the fresh store (migrations and indexes race), each on its port. */
    private static List<ServiceProcess> startTogether(Path dir, Map<String, String> properties, List<Integer> ports)
            throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(ports.size());
        try {
            List<Future<ServiceProcess>> futures = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                Path log = dir.resolve("instance-" + i + ".log");
                int port = ports.get(i);
                futures.add(starting.submit(() -> ServiceProcess.start(log, properties, port)));
            }
            List<ServiceProcess> started = new ArrayList<>();
            for (Future<ServiceProcess> future : futures) {
                started.add(future.get(3, TimeUnit.MINUTES));
            }
            return started;
        } finally {
            starting.shutdown();
        }
    }

    /** Until HAProxy's health checks have found an instance up. */
    private static void awaitBalanced(Api balanced, Haproxy haproxy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (balanced.get("/health", null).status() != 200) {
            assertTrue(System.nanoTime() < deadline, () -> "HAProxy found no instance up:\n" + haproxy.log());
            Thread.sleep(100);
        }
    }

    private static void awaitRounds(AcknowledgedWrites writes, CompletableFuture<Void> run, int rounds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (writes.rounds.size() < rounds) {
            if (run.isDone()) {
                run.get(); // the writers failed: say why
            }
            assertTrue(System.nanoTime() < deadline, "the writers made no progress");
            Thread.sleep(20);
        }
        assertFalse(run.isDone(), "the writers are still at work");
    }

    /**
     * Each instance asked directly: a type changed through the first is seen by the others at once (each had
     * read it before, so each had it cached), and an Idempotency-Key answered by the first is answered by the
     * others with the same answer, without acting again.
     */
    private static void catalogAndKeysHoldAcrossInstances(List<Api> instances) {
        String token = Tokens.of("prober", "fleet-probes", "ADMIN");
        Api first = instances.get(0);
        List<Api> others = instances.subList(1, instances.size());
        assertEquals(
                200,
                first.put("/api/v1/object-types/note", token, "{\"archivable\": true}")
                        .status());
        for (int i = 0; i < others.size(); i++) {
            Api.Response created = others.get(i).post("/api/v1/records", token, note("N-" + i));
            assertEquals(201, created.status(), created::toString);
        }
        Api.Response changed =
                first.put("/api/v1/object-types/note", token, "{\"archivable\": true, \"unique\": [\"code\"]}");
        assertEquals(200, changed.status(), changed::toString);
        for (int i = 0; i < others.size(); i++) {
            Api.Response again = others.get(i).post("/api/v1/records", token, note("N-" + i));
            assertEquals(409, again.status(), () -> "the change made through another instance holds: " + again);
            assertEquals("UNIQUE_CONFLICT", again.json().path("code").asText());
        }

        String key = UUID.randomUUID().toString();
        Api.Response answered = first.post("/api/v1/records", token, note("N-key"), "Idempotency-Key", key);
        assertEquals(201, answered.status(), answered::toString);
        for (Api other : others) {
            Api.Response replayed = other.post("/api/v1/records", token, note("N-key"), "Idempotency-Key", key);
            assertEquals(201, replayed.status(), replayed::toString);
            assertEquals(answered.text(), replayed.text(), "the first answer, from another instance");
            assertEquals("true", replayed.header("Idempotent-Replayed").orElse(""));
            Api.Response reused = other.post("/api/v1/records", token, note("N-other"), "Idempotency-Key", key);
            assertEquals(422, reused.status(), reused::toString);
            assertEquals("IDEMPOTENCY_KEY_REUSED", reused.json().path("code").asText());
        }
    }

    private static String note(String code) {
        return "{\"type\": \"note\", \"attributes\": {\"code\": \"" + code + "\"}}";
    }
}
