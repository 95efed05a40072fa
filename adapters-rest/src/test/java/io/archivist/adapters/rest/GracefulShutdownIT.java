package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §6 on every store: SIGTERM during a cascade. The service, a process of its own, is told to stop
 * while an archive's unit of work is under way (held before its commit, {@link SlowWrites}). From then on
 * it refuses every new request (503 SHUTTING_DOWN with Retry-After; /health DOWN) and lets the archive
 * finish: the client gets its answer, the process exits 0, and after a restart the archive is there, whole.
 * Then with a grace period shorter than the unit: the process stops at the bound, exits 0 all the same, and
 * the archive never happened (R8): after a restart its records are all active, and I1-I4 hold.
 */
class GracefulShutdownIT {

    private static final String WORKSPACE = "stopping";
    private static final String TOKEN = Tokens.of("operator", WORKSPACE, "ADMIN");

    @ParameterizedTest
    @EnumSource(CrashStores.class)
    void sigterm_during_a_cascade_finishes_it_within_the_grace_period_or_it_never_happened(CrashStores store)
            throws Exception {
        Path dir = Path.of("target", "test-data", "GracefulShutdownIT-" + store + "-" + UUID.randomUUID());
        Path log = dir.resolve("service.log");
        Path flag = dir.resolve("hold-writes");
        try (CrashStores.Opened opened = store.open(dir)) {
            Map<String, String> properties = new HashMap<>(opened.properties());
            properties.put("archivist.jwt.secret", Tokens.SECRET);
            properties.put(
                    "archivist.test.slow-writes.flag", flag.toAbsolutePath().toString());
            properties.put("archivist.test.slow-writes.hold", "3s");
            properties.put("archivist.shutdown.grace-period", "30s");

            List<String> finished;
            JsonNode answered;
            try (ServiceProcess service = ServiceProcess.start(log, properties)) {
                Api api = new Api(service.uri());
                defineTypes(api);
                finished = subtree(api);
                Files.createFile(flag);
                CompletableFuture<Api.Response> archive = archive(api, finished.get(0));
                awaitHeld(service, 1);
                service.terminate();
                assertRefusesNewWork(api, archive);
                Api.Response archived = archive.get(60, TimeUnit.SECONDS);
                assertEquals(200, archived.status(), () -> "the archive under way finished: " + archived);
                answered = archived.json();
                assertEquals(0, service.awaitExit(Duration.ofSeconds(60)), "a clean stop");
                assertTrue(service.log().contains("nothing under way any more"), service::log);
            }
            Files.delete(flag);

            properties.put("archivist.test.slow-writes.hold", "20s");
            properties.put("archivist.shutdown.grace-period", "1s");
            List<String> cut;
            try (ServiceProcess service = ServiceProcess.start(log, properties)) {
                Api api = new Api(service.uri());
                String operation = answered.path("operation").path("id").asText();
                for (String id : finished) {
                    JsonNode record = api.get("/api/v1/records/" + id, TOKEN).json();
                    assertEquals(operation, record.path("archive_operation").asText(), record::toString);
                }
                cut = subtree(api);
                Files.createFile(flag);
                CompletableFuture<Api.Response> archive = archive(api, cut.get(0));
                awaitHeld(service, 2);
                long stopped = System.nanoTime();
                service.terminate();
                assertEquals(0, service.awaitExit(Duration.ofSeconds(60)), "a clean stop, at the bound");
                System.out.printf(
                        "%s: stopped %.1f s after SIGTERM with a grace period of 1 s and a unit holding for 20 s%n",
                        store, (System.nanoTime() - stopped) / 1e9);
                Optional<Api.Response> answer = answer(archive);
                assertTrue(
                        answer.isEmpty() || answer.get().status() / 100 != 2,
                        () -> "a unit cut short was never acknowledged: " + answer);
                assertTrue(service.log().contains("still under way after the grace period"), service::log);
            }
            Files.delete(flag);

            try (ServiceProcess service = ServiceProcess.start(log, properties)) {
                Api api = new Api(service.uri());
                for (String id : cut) {
                    JsonNode record = api.get("/api/v1/records/" + id, TOKEN).json();
                    assertFalse(
                            record.path("archived").asBoolean(), () -> "R8: the cut archive never happened: " + record);
                }
                for (String id : finished) {
                    assertTrue(api.get("/api/v1/records/" + id, TOKEN)
                            .json()
                            .path("archived")
                            .asBoolean());
                }
                Api.Response history = api.get("/api/v1/records/" + cut.get(0) + "/history", TOKEN);
                assertEquals(200, history.status(), history::toString);
                assertEquals(0, history.json().path("items").size(), () -> "no operation touched it: " + history);
            }
        }
    }

    private static void defineTypes(Api api) {
        assertEquals(
                200,
                api.put("/api/v1/object-types/project", TOKEN, "{\"archivable\": true}")
                        .status());
        assertEquals(
                200,
                api.put("/api/v1/object-types/task", TOKEN, "{\"archivable\": true, \"parents\": [\"project\"]}")
                        .status());
    }

    /** A project and its two tasks; the project first. */
    private static List<String> subtree(Api api) {
        String project = created(api, "{\"type\": \"project\", \"attributes\": {}}");
        String parent = "\"parents\": [\"" + project + "\"]";
        return List.of(
                project,
                created(api, "{\"type\": \"task\", \"attributes\": {}, " + parent + "}"),
                created(api, "{\"type\": \"task\", \"attributes\": {}, " + parent + "}"));
    }

    private static String created(Api api, String body) {
        Api.Response created = api.post("/api/v1/records", TOKEN, body);
        assertEquals(201, created.status(), created::toString);
        return created.json().path("id").asText();
    }

    private static CompletableFuture<Api.Response> archive(Api api, String project) {
        return CompletableFuture.supplyAsync(() -> api.delete(
                "/api/v1/records/" + project,
                TOKEN,
                "Idempotency-Key",
                UUID.randomUUID().toString()));
    }

    /** Waits until the service says that {@code times} units in all have held (the log outlives restarts). */
    private static void awaitHeld(ServiceProcess service, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (service.log().split(SlowWrites.HOLDING, -1).length - 1 < times) {
            assertTrue(System.nanoTime() < deadline, () -> "the archive never reached its unit:\n" + service.log());
            Thread.sleep(20);
        }
    }

    /** While the archive is held: /health says DOWN and a new request is refused, both inviting a retry. */
    private static void assertRefusesNewWork(Api api, CompletableFuture<Api.Response> archive)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        Api.Response health = api.get("/health", null);
        while (health.status() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the signal takes a moment to arrive
            health = api.get("/health", null);
        }
        assertEquals(503, health.status(), health::toString);
        assertEquals("DOWN", health.json().path("status").asText());
        assertEquals("1", health.header("Retry-After").orElse(""));
        Api.Response refused = api.post("/api/v1/records", TOKEN, "{\"type\": \"project\", \"attributes\": {}}");
        assertEquals(503, refused.status(), refused::toString);
        assertEquals("SHUTTING_DOWN", refused.json().path("code").asText());
        assertEquals("application/problem+json", refused.header("Content-Type").orElse(""));
        assertEquals("1", refused.header("Retry-After").orElse(""));
        assertFalse(archive.isDone(), "the archive was still under way when the new request was refused");
    }

    private static Optional<Api.Response> answer(CompletableFuture<Api.Response> request) throws Exception {
        try {
            return Optional.of(request.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException) {
                return Optional.empty(); // the connection closed without an answer
            }
            throw e;
        }
    }
}
