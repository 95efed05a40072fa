package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * R15's workload: writers send creates, patches, archives, restores and purges to one workspace at
 * once, each with an Idempotency-Key, and keep every request with the answer it acknowledged, so that
 * after a crash a test can check that each acknowledged change is there and each retry gets its answer.
 * Through a load balancer ({@link #throughBalancer}) a writer retries, with the same key, whatever
 * invites a retry (a 502, 503 or 504, a 409 CONCURRENT_MODIFICATION, a connection that broke), as a
 * careful client would, and every other round goes through the bulk routes.
 */
final class AcknowledgedWrites {

    static final String WORKSPACE = "durable";

    /** What a round leaves of its project and two tasks. */
    enum Fate {
        ARCHIVED,
        ACTIVE,
        PURGED
    }

    /** A request as it was sent, and its first answer. */
    record Sent(String token, String method, String path, String body, String key, int status, String answer) {}

    /**
     * One round: a project and two tasks created, a task patched, the project archived (the tasks with
     * it), then left so, or restored, or restored, archived again and purged.
     */
    record Round(
            String token,
            String project,
            String firstTask,
            String secondTask,
            Fate fate,
            long projectVersion,
            String archiveOperation,
            List<String> operations) {

        List<String> records() {
            return List.of(project, firstTask, secondTask);
        }
    }

    final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    final List<Round> rounds = Collections.synchronizedList(new ArrayList<>());
    /** Answers that invited a retry, and got one. */
    final AtomicInteger retried = new AtomicInteger();

    private final Api api;
    private final Duration retryFor;
    private final boolean bulk;

    AcknowledgedWrites(Api api) {
        this(api, Duration.ZERO, false);
    }

    private AcknowledgedWrites(Api api, Duration retryFor, boolean bulk) {
        this.api = api;
        this.retryFor = retryFor;
        this.bulk = bulk;
    }

    /** Writes through a load balancer, retrying each request that invites a retry for at most {@code retryFor}. */
    static AcknowledgedWrites throughBalancer(Api api, Duration retryFor) {
        return new AcknowledgedWrites(api, retryFor, true);
    }

    static String token(int writer) {
        return Tokens.of("writer-" + writer, WORKSPACE, "ADMIN");
    }

    /** The types: projects (unique code) and their tasks. */
    void defineTypes() {
        String token = token(0);
        send(token, "PUT", "/api/v1/object-types/project", "{\"archivable\": true, \"unique\": [\"code\"]}");
        send(token, "PUT", "/api/v1/object-types/task", "{\"archivable\": true, \"parents\": [\"project\"]}");
    }

    /** {@code writers} threads at once, {@code rounds} rounds each; returns when the last answer has arrived. */
    void run(int writers, int roundsEach) throws Exception {
        run(writers, round -> round < roundsEach);
    }

    /** {@code writers} threads at once, each starting round after round until {@code stop} is set. */
    void runUntil(int writers, AtomicBoolean stop) throws Exception {
        run(writers, round -> !stop.get());
    }

    private void run(int writers, IntPredicate another) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; another.test(i); i++) {
                        rounds.add(round(writer, i));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Round round(int writer, int i) {
        String token = token(writer);
        String code = "P-" + writer + "-" + i;
        String project = created(token, "{\"type\": \"project\", \"attributes\": {\"code\": \"" + code + "\"}}");
        String first = created(
                token,
                "{\"type\": \"task\", \"attributes\": {\"title\": \"first\"}, \"parents\": [\"" + project + "\"]}");
        String second = created(
                token,
                "{\"type\": \"task\", \"attributes\": {\"title\": \"second\"}, \"parents\": [\"" + project + "\"]}");
        send(
                token,
                "PATCH",
                "/api/v1/records/" + first,
                "{\"attributes\": {\"title\": \"patched\", \"round\": " + i + "}}");
        Fate fate = Fate.values()[i % 3];
        if (bulk && i % 2 == 1) {
            return bulkRound(token, project, first, second, fate);
        }
        List<String> operations = new ArrayList<>();
        JsonNode archived = send(token, "DELETE", "/api/v1/records/" + project, null);
        String archiveOperation = archived.path("operation").path("id").asText();
        operations.add(archiveOperation);
        JsonNode last = archived;
        if (fate != Fate.ARCHIVED) {
            last = send(token, "POST", "/api/v1/records/" + project + "/restore", null);
            operations.add(last.path("operation").path("id").asText());
        }
        if (fate == Fate.PURGED) {
            operations.add(send(token, "DELETE", "/api/v1/records/" + project, null)
                    .path("operation")
                    .path("id")
                    .asText());
            operations.add(send(token, "DELETE", "/api/v1/records/" + project, null)
                    .path("operation")
                    .path("id")
                    .asText());
        }
        return new Round(
                token,
                project,
                first,
                second,
                fate,
                last.path("record").path("version").asLong(),
                archiveOperation,
                operations);
    }

    /** The same round through the bulk routes (R12), atomic, one id each; a bulk answer names no version. */
    private Round bulkRound(String token, String project, String first, String second, Fate fate) {
        List<String> operations = new ArrayList<>();
        String archiveOperation = bulk(token, "archive", project, "archived");
        operations.add(archiveOperation);
        if (fate != Fate.ARCHIVED) {
            operations.add(bulk(token, "restore", project, "restored"));
        }
        if (fate == Fate.PURGED) {
            operations.add(bulk(token, "delete", project, "archived"));
            operations.add(bulk(token, "delete", project, "purged"));
        }
        // created 1, archived 2, restored 3: each change of the project adds one
        return new Round(
                token, project, first, second, fate, fate == Fate.ARCHIVED ? 2 : 3, archiveOperation, operations);
    }

    private String bulk(String token, String action, String id, String outcome) {
        JsonNode answer =
                send(token, "POST", "/api/v1/records/bulk/" + action, "{\"ids\": [\"" + id + "\"], \"atomic\": true}");
        assertEquals(outcome, answer.path("items").path(0).path("outcome").asText(), answer::toString);
        return answer.path("operations").path(0).path("id").asText();
    }

    private String created(String token, String body) {
        return send(token, "POST", "/api/v1/records", body).path("id").asText();
    }

    /** Sends with a fresh Idempotency-Key; anything but a 2xx (after the retries it invites) fails the workload. */
    private JsonNode send(String token, String method, String path, String body) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + retryFor.toNanos();
        for (int attempt = 1; ; attempt++) {
            Api.Response answer;
            try {
                answer = api.send(method, path, token, body, "Idempotency-Key", key);
            } catch (UncheckedIOException broken) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError(method + " " + path + " was never acknowledged", broken);
                }
                pauseBeforeRetry(attempt);
                continue;
            }
            if (invitesRetry(answer) && System.nanoTime() - deadline < 0) {
                pauseBeforeRetry(attempt);
                continue;
            }
            if (answer.status() / 100 != 2) {
                throw new AssertionError(method + " " + path + " was not acknowledged: " + answer);
            }
            sent.add(new Sent(token, method, path, body, key, answer.status(), answer.text()));
            return answer.json();
        }
    }

    private static boolean invitesRetry(Api.Response answer) {
        int status = answer.status();
        return status == 502
                || status == 503
                || status == 504
                || (status == 409 && answer.text().contains("\"CONCURRENT_MODIFICATION\""));
    }

    private void pauseBeforeRetry(int attempt) {
        retried.incrementAndGet();
        try {
            Thread.sleep(Math.min(1_000, 50L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * After the crash (or whatever happened to the instances): every acknowledged change is there, I1-I4 hold
     * over the workspace, and every request sent again with its Idempotency-Key gets its first answer without
     * acting again.
     */
    void assertEveryAcknowledgedWriteKept(Api api) {
        for (Round round : rounds) {
            assertRoundKept(api, round);
        }
        Map<String, JsonNode> before = everyRecord(api);
        assertInvariants(before);
        for (Sent earlier : sent) {
            Api.Response again = api.send(
                    earlier.method(),
                    earlier.path(),
                    earlier.token(),
                    earlier.body(),
                    "Idempotency-Key",
                    earlier.key());
            assertEquals(earlier.status(), again.status(), () -> "retry of " + earlier + ": " + again);
            assertEquals(earlier.answer(), again.text(), () -> "retry of " + earlier.method() + " " + earlier.path());
            assertEquals("true", again.header("Idempotent-Replayed").orElse(""), earlier::toString);
        }
        assertEquals(before, everyRecord(api), "a retry acted again");
    }

    private static void assertRoundKept(Api api, Round round) {
        for (String id : round.records()) {
            Api.Response found = api.get("/api/v1/records/" + id, round.token());
            if (round.fate() == Fate.PURGED) {
                assertEquals(404, found.status(), () -> "purged " + id + ": " + found);
                continue;
            }
            assertEquals(200, found.status(), () -> "acknowledged " + id + " (" + round.fate() + "): " + found);
            JsonNode record = found.json();
            assertEquals(round.fate() == Fate.ARCHIVED, record.path("archived").asBoolean(), found::toString);
            if (round.fate() == Fate.ARCHIVED) {
                assertEquals(
                        round.archiveOperation(),
                        record.path("archive_operation").asText(),
                        found::toString);
            }
            if (id.equals(round.firstTask())) {
                assertEquals("patched", record.path("attributes").path("title").asText(), found::toString);
            }
            if (id.equals(round.project())) {
                assertEquals(round.projectVersion(), record.path("version").asLong(), found::toString);
            }
        }
        for (String operation : round.operations()) {
            Api.Response found = api.get("/api/v1/operations/" + operation, round.token());
            assertEquals(200, found.status(), () -> "acknowledged operation " + operation + ": " + found);
        }
    }

    /** I1-I4 over every record of the workspace, against what the writers were told. */
    private void assertInvariants(Map<String, JsonNode> records) {
        Set<String> purged = new HashSet<>();
        Set<String> archiveOperations = new HashSet<>();
        int created = 0;
        for (Round round : rounds) {
            created += round.records().size();
            archiveOperations.add(round.archiveOperation());
            if (round.fate() == Fate.PURGED) {
                purged.addAll(round.records());
            }
        }
        assertEquals(created, records.size() + purged.size(), "I4: created = active + archived + purged");
        for (JsonNode record : records.values()) {
            for (JsonNode parent : record.path("parents")) {
                assertTrue(!purged.contains(parent.asText()), () -> "I3: " + record);
                JsonNode parentRecord = records.get(parent.asText());
                assertTrue(parentRecord != null, () -> "I1: a missing parent of " + record);
                if (!record.path("archived").asBoolean()) {
                    assertTrue(!parentRecord.path("archived").asBoolean(), () -> "I1: " + record);
                }
            }
            if (record.path("archived").asBoolean()) {
                assertTrue(
                        archiveOperations.contains(
                                record.path("archive_operation").asText()),
                        () -> "I2: " + record);
            }
        }
    }

    /** Every record of the workspace, active and archived, by id. */
    static Map<String, JsonNode> everyRecord(Api api) {
        Map<String, JsonNode> records = new TreeMap<>();
        String token = token(0);
        for (String type : List.of("project", "task")) {
            String cursor = null;
            do {
                Api.Response page = api.get(
                        "/api/v1/records?type=" + type + "&archived=any&limit=500"
                                + (cursor == null
                                        ? ""
                                        : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                        token);
                assertEquals(200, page.status(), page::toString);
                page.json()
                        .path("items")
                        .forEach(item -> records.put(item.path("id").asText(), item));
                cursor = page.json().path("next_cursor").isNull()
                        ? null
                        : page.json().path("next_cursor").asText();
            } while (cursor != null);
        }
        return records;
    }
}
