package io.archivist.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * R15's workload: writers send creates, patches, archives, restores and purges to one workspace at
 * once, each with an Idempotency-Key, and keep every request with the answer it acknowledged, so that
 * after a crash a test can check that each acknowledged change is there and each retry gets its answer.
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
    private final Api api;

    AcknowledgedWrites(Api api) {
        this.api = api;
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
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < roundsEach; i++) {
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
        List<String> operations = new ArrayList<>();
        JsonNode archived = send(token, "DELETE", "/api/v1/records/" + project, null);
        String archiveOperation = archived.path("operation").path("id").asText();
        operations.add(archiveOperation);
        Fate fate = Fate.values()[i % 3];
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

    private String created(String token, String body) {
        return send(token, "POST", "/api/v1/records", body).path("id").asText();
    }

    /** Sends with a fresh Idempotency-Key; anything but a 2xx fails the workload itself. */
    private JsonNode send(String token, String method, String path, String body) {
        String key = UUID.randomUUID().toString();
        Api.Response answer = api.send(method, path, token, body, "Idempotency-Key", key);
        if (answer.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " was not acknowledged: " + answer);
        }
        sent.add(new Sent(token, method, path, body, key, answer.status(), answer.text()));
        return answer.json();
    }
}
