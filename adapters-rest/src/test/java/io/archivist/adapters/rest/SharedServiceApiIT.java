package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * R14 over HTTP: a store call held open in one workspace delays neither /health nor another workspace, and
 * a writer that cannot get its workspace's turn within the write-wait gets a 409 with Retry-After.
 */
class SharedServiceApiIT extends ApiTest {

    /** More requests held at once than the server has event-loop threads (two per core at most). */
    private static final int HELD = 2 * Runtime.getRuntime().availableProcessors() + 2;

    @Override
    Map<String, String> moreProperties() {
        return Map.of("archivist.test.held-store", "true", "archivist.lifecycle.write-wait", "2s");
    }

    @AfterEach
    void release() {
        HeldStore.release();
    }

    @Test
    void requests_held_in_the_store_for_one_workspace_delay_neither_health_nor_another_workspace() throws Exception {
        Workspace a = workspace();
        Workspace b = workspace();
        a.type("note", true);
        b.type("note", true);
        String inA = a.create("note", "{}");
        String inB = b.create("note", "{}");
        ExecutorService clients = Executors.newFixedThreadPool(HELD);
        try {
            HeldStore.hold(a.name);
            List<Future<Api.Response>> held = new ArrayList<>();
            for (int i = 0; i < HELD; i++) {
                held.add(clients.submit(() -> api().get("/api/v1/records/" + inA, a.member)));
            }
            // On the event loop, at most as many as it has threads would reach the store; the rest would queue.
            assertTrue(HeldStore.awaitHeld(HELD), "every held request reached the store at once");
            assertEquals(200, api().get("/health", null).status());
            Api.Response other = api().get("/api/v1/records/" + inB, b.member);
            assertEquals(200, other.status(), other::toString);
            assertEquals(inB, other.json().path("id").asText());
            HeldStore.release();
            for (Future<Api.Response> answer : held) {
                assertEquals(200, answer.get(1, TimeUnit.MINUTES).status());
            }
        } finally {
            HeldStore.release();
            clients.shutdownNow();
        }
    }

    @Test
    void a_write_held_open_makes_the_next_writer_of_its_workspace_a_409_with_retry_after_and_nobody_else_waits()
            throws Exception {
        Workspace a = workspace();
        Workspace b = workspace();
        a.type("note", true);
        b.type("note", true);
        String inA = a.create("note", "{}");
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try {
            HeldStore.holdWrites(a.name);
            Future<Api.Response> first = clients.submit(
                    () -> api().post("/api/v1/records", a.member, "{\"type\": \"note\", \"attributes\": {\"n\": 1}}"));
            assertTrue(HeldStore.awaitHeld(1), "the first write holds A's turn, its connection and its lock");

            Api.Response late =
                    api().post("/api/v1/records", a.member, "{\"type\": \"note\", \"attributes\": {\"n\": 2}}");
            assertEquals(409, late.status(), late::toString);
            assertEquals("CONCURRENT_MODIFICATION", late.code());
            int retryAfter = Integer.parseInt(late.header("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1, "Retry-After is a positive number of seconds: " + retryAfter);
            for (String word : List.of("SELECT", "SQL", "Exception", "org.", "jdbc")) {
                assertFalse(late.text().contains(word), "'" + word + "' in " + late.text());
            }

            assertEquals(
                    201,
                    api().post("/api/v1/records", b.member, "{\"type\": \"note\", \"attributes\": {}}")
                            .status(),
                    "B writes while A's write is held");
            assertEquals(200, api().get("/api/v1/records/" + inA, a.member).status(), "a read in A does not wait");
            assertEquals(200, api().get("/api/v1/records?type=note", a.member).status(), "nor does a listing");
            HeldStore.release();
            assertEquals(201, first.get(1, TimeUnit.MINUTES).status());
        } finally {
            HeldStore.release();
            clients.shutdownNow();
        }
    }
}
