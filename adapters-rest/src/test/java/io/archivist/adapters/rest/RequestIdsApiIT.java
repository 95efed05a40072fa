package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md#request-ids: every answer carries its request's id in X-Request-Id, and every problem document
 * in {@code request_id}; the id is the trace-id of a valid traceparent, else a valid X-Request-Id, else a new one.
 */
class RequestIdsApiIT extends ApiTest {

    private static final String MADE = "[0-9a-f]{32}";

    @Test
    void an_answer_carries_a_new_id_and_a_problem_the_same_one() {
        Workspace ws = workspace();
        ws.type("note", true);
        Api.Response created = api().post("/api/v1/records", ws.admin, "{\"type\": \"note\", \"attributes\": {}}");
        String id = created.header(RequestIds.HEADER).orElseThrow();
        assertTrue(id.matches(MADE), id);

        Api.Response missing = api().get("/api/v1/records/0190a0d4-0000-7000-8000-000000000000", ws.member);
        assertEquals(404, missing.status());
        String missingId = missing.header(RequestIds.HEADER).orElseThrow();
        assertEquals(missingId, missing.json().path("request_id").asText());
        assertNotEquals(id, missingId, "each request its own");

        for (Api.Response refused : List.of(
                api().get("/api/v1/records", null), // 401 of the security filter
                api().get("/api/v1/no-such-route", ws.member), // the framework's 404
                api().post("/api/v1/records", ws.admin, "{not json"))) { // 400
            String given = refused.header(RequestIds.HEADER).orElseThrow();
            assertTrue(given.matches(MADE), refused.toString());
            assertEquals(given, refused.json().path("request_id").asText(), refused.toString());
        }
        Api.Response health = api().get("/health", null);
        assertTrue(health.header(RequestIds.HEADER).orElseThrow().matches(MADE));
    }

    @Test
    void a_valid_request_id_is_kept_and_an_unsafe_one_replaced() {
        Workspace ws = workspace();
        String given = "req-42.retry:1_ab/CD+=";
        Api.Response kept = api().send(
                        "GET",
                        "/api/v1/records/0190a0d4-0000-7000-8000-000000000000",
                        ws.member,
                        null,
                        RequestIds.HEADER,
                        given);
        assertEquals(given, kept.header(RequestIds.HEADER).orElseThrow());
        assertEquals(given, kept.json().path("request_id").asText());

        for (String unsafe : List.of("a".repeat(129), "two words", "quote\"d", "semi;colon", "<script>", "é")) {
            String id = idAnswered(ws, RequestIds.HEADER, unsafe);
            assertTrue(id.matches(MADE), unsafe + " -> " + id);
        }
        assertEquals("a".repeat(128), idAnswered(ws, RequestIds.HEADER, "a".repeat(128)));
    }

    @Test
    void the_trace_id_of_a_valid_traceparent_comes_first() {
        Workspace ws = workspace();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        assertEquals(
                traceId,
                idAnswered(
                        ws,
                        RequestIds.TRACEPARENT,
                        "00-" + traceId + "-00f067aa0ba902b7-01",
                        RequestIds.HEADER,
                        "sent"));
        for (String invalid : List.of(
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // a trace-id of zeros
                "00-" + traceId + "-0000000000000000-01", // a parent-id of zeros
                "ff-" + traceId + "-00f067aa0ba902b7-01", // version ff
                "00-" + traceId.toUpperCase(java.util.Locale.ROOT) + "-00f067aa0ba902b7-01", // upper case
                "00-" + traceId + "-00f067aa0ba902b7-01-extra")) { // version 00 has no more fields
            assertEquals(
                    "the-fallback",
                    idAnswered(ws, RequestIds.TRACEPARENT, invalid, RequestIds.HEADER, "the-fallback"),
                    invalid);
        }
        assertEquals(
                traceId,
                idAnswered(ws, RequestIds.TRACEPARENT, "01-" + traceId + "-00f067aa0ba902b7-01-more"),
                "a later version may add fields after the flags");
    }

    /** The id a request with these headers (name, value pairs) is answered with. */
    private String idAnswered(Workspace ws, String... headers) {
        Api.Response answer = api().send("GET", "/api/v1/object-types", ws.member, null, headers);
        assertEquals(200, answer.status(), answer::toString);
        return answer.header(RequestIds.HEADER).orElseThrow();
    }

    @Test
    void a_replayed_refusal_keeps_the_id_of_the_request_first_answered() {
        Workspace ws = workspace();
        ws.type("note", true);
        String note = ws.create("note", "{}");
        String[] key = {"Idempotency-Key", "replayed-refusal", RequestIds.HEADER, "first-request"};
        Api.Response first = api().post("/api/v1/records/" + note + "/restore", ws.admin, null, key);
        assertEquals(409, first.status(), "NOT_ARCHIVED");
        key[3] = "second-request";
        Api.Response replayed = api().post("/api/v1/records/" + note + "/restore", ws.admin, null, key);

        assertEquals("true", replayed.header("Idempotent-Replayed").orElseThrow());
        assertEquals(first.text(), replayed.text(), "the first answer, as it was");
        assertEquals("first-request", replayed.json().path("request_id").asText());
        assertEquals("second-request", replayed.header(RequestIds.HEADER).orElseThrow());
    }

    /** The names the service uses, as a client spells them. */
    private static final class RequestIds {
        static final String HEADER = "X-Request-Id";
        static final String TRACEPARENT = "traceparent";
    }
}
