package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md and docs/quality.md: whatever a client sends, the answer is a clear 4xx problem document and
 * never a 500 or a stack trace. Every route gets the classic malformed inputs, then a seeded fuzz run.
 */
class MalformedInputIT extends ApiTest {

    private static final long SEED = 20261123L;

    /** How many generated requests the fuzz run sends. */
    int fuzzRequests() {
        return 2000;
    }

    private Workspace ws;
    private String project;
    private String archived;

    /** method, path; {id} stands for an id, and a body is sent where the route takes one. */
    private List<String[]> routes() {
        return List.of(
                new String[] {"GET", "/api/v1/object-types"},
                new String[] {"GET", "/api/v1/object-types/{name}"},
                new String[] {"PUT", "/api/v1/object-types/{name}"},
                new String[] {"POST", "/api/v1/records"},
                new String[] {"GET", "/api/v1/records"},
                new String[] {"GET", "/api/v1/records/{id}"},
                new String[] {"PATCH", "/api/v1/records/{id}"},
                new String[] {"DELETE", "/api/v1/records/{id}"},
                new String[] {"POST", "/api/v1/records/{id}/restore"},
                new String[] {"GET", "/api/v1/records/{id}/preview"},
                new String[] {"GET", "/api/v1/records/{id}/history"},
                new String[] {"POST", "/api/v1/records/bulk/archive"},
                new String[] {"POST", "/api/v1/records/bulk/restore"},
                new String[] {"POST", "/api/v1/records/bulk/delete"},
                new String[] {"GET", "/api/v1/operations/{id}"});
    }

    @BeforeEach
    void graph() {
        ws = workspace();
        ws.type("project", true);
        ws.type("task", true, "project");
        project = ws.create("project", "{}");
        ws.create("task", "{}", project);
        archived = ws.create("project", "{}");
        ws.delete(archived);
    }

    private void assertClear(Api.Response response, String request) {
        assertTrue(response.status() < 500, request + " -> " + response);
        if (response.status() >= 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), request + " -> " + response);
            assertFalse(response.json().path("code").asText().isEmpty(), request + " -> " + response);
        }
        assertFalse(
                response.text().contains("Exception") || response.text().contains("\tat "),
                request + " leaks internals: " + response);
    }

    private Api.Response send(String method, String path, String body, String... headers) {
        Api.Response response = api().send(method, path, ws.admin, body, headers);
        assertClear(response, method + " " + path + " " + (body == null ? "" : shorten(body)));
        return response;
    }

    private static String shorten(String text) {
        return text.length() < 120 ? text : text.substring(0, 120) + "...";
    }

    /** Bodies no route accepts: not a JSON object, or a value no store could keep. */
    static List<String> neverValid() {
        List<String> bodies = new ArrayList<>(List.of(
                "",
                " ",
                "{",
                "}",
                "[]",
                "null",
                "1",
                "\"x\"",
                "{} {}",
                "{,}",
                "{\"type\": }",
                "{'type': 'project'}",
                "{\"type\": \"project\", \"type\": \"task\"}",
                "{\"attributes\": {\"n\": 1e999999}}",
                "{\"attributes\": {\"n\": -1e999999}}",
                "{\"attributes\": {\"n\": 123456789012345678901234567890}}",
                "{\"attributes\": {\"n\": 1" + "0".repeat(2000) + "}}",
                "{\"attributes\": {\"n\": NaN}}",
                "{\"attributes\": {\"s\": \"\\u0000\"}}",
                "{\"attributes\": {\"\\u0000\": 1}}",
                "{\"attributes\": {\"s\": \"\\ud800\"}}",
                "{\"id\": \"x\"}",
                "{\"colour\": 1}"));
        bodies.add("[".repeat(100_000) + "]".repeat(100_000));
        bodies.add("{\"attributes\": " + "{\"a\": ".repeat(5000) + "1" + "}".repeat(5000) + "}");
        bodies.add("{\"attributes\": " + "{\"a\": ".repeat(40) + "1" + "}".repeat(40) + "}");
        return bodies;
    }

    /** Bodies that are wrong for most routes, right for few: each must get a clear answer. */
    static List<String> wrongTypes() {
        return List.of(
                "{\"type\": 1, \"attributes\": []}",
                "{\"type\": \"project\", \"attributes\": \"x\"}",
                "{\"type\": \"project\", \"parents\": [\"x\", 1, null]}",
                "{\"type\": \"project\", \"parents\": \"" + "a".repeat(100) + "\"}",
                "{\"type\": \"project\", \"key\": \"" + "k".repeat(5000) + "\"}",
                "{\"type\": \"" + "t".repeat(5000) + "\"}",
                "{\"attributes\": {\"$ne\": null}}",
                "{\"type\": {\"$ne\": null}}",
                "{\"ids\": [\"not-a-uuid\"]}",
                "{\"ids\": \"all\"}",
                "{\"ids\": [null]}",
                "{\"atomic\": \"yes\"}",
                "{\"archived\": \"true\"}",
                "{\"archived\": true, \"in_trash\": false}",
                "{\"archivable\": 1, \"parents\": {}}",
                "{\"retention\": \"P-1D\"}",
                "{\"retention\": 30}",
                "{\"unique\": [\"\", \"\"]}",
                "{\"attributes\": {}, \"archived\": true}");
    }

    @Test
    void every_route_answers_malformed_bodies_with_a_4xx_problem() {
        for (String[] route : routes()) {
            String path = route[1].replace("{id}", project).replace("{name}", "project");
            boolean takesBody = !route[0].equals("GET") && !route[0].equals("DELETE");
            for (String body : neverValid()) {
                Api.Response response = send(route[0], path, body);
                if (takesBody && !(body.isBlank() && path.endsWith("/restore"))) {
                    assertTrue(
                            response.status() >= 400, route[0] + " " + path + " " + shorten(body) + " -> " + response);
                }
            }
            wrongTypes().forEach(body -> send(route[0], path, body));
        }
        byte[] notUtf8 = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Api.Response latin = api().sendBytes("POST", "/api/v1/records", ws.admin, notUtf8);
        assertEquals(400, latin.status(), latin::toString);
        assertEquals("VALIDATION_FAILED", latin.code());
    }

    @Test
    void every_route_answers_bad_ids_names_and_queries_with_a_4xx_problem() {
        List<String> badIds = List.of(
                "not-a-uuid",
                "0",
                "-1",
                "1e9999",
                "%00",
                "%2e%2e",
                "..%2f..%2fetc",
                "0190a0d4-0000-7000-8000-00000000000g",
                "0190a0d4000070008000000000000000",
                "{\"$ne\":null}".replace("\"", "%22").replace("{", "%7B").replace("}", "%7D"),
                "x".repeat(2000),
                "%F0%9F%92%A9",
                "%C0%AF",
                "null",
                "%20");
        for (String[] route : routes()) {
            if (!route[1].contains("{")) {
                continue;
            }
            for (String id : badIds) {
                String path = route[1].replace("{id}", id).replace("{name}", id);
                Api.Response response =
                        send(route[0], path, route[0].equals("GET") || route[0].equals("DELETE") ? null : "{}");
                if (route[1].contains("{id}")) {
                    assertTrue(response.status() >= 400, route[0] + " " + path + " -> " + response);
                }
            }
        }
        for (String query : List.of(
                "limit=1e3",
                "limit=" + "9".repeat(400),
                "limit=-0",
                "cursor=" + "A".repeat(3000),
                "cursor=%00",
                "cursor="
                        + java.util.Base64.getUrlEncoder()
                                .encodeToString("x".repeat(36).getBytes(StandardCharsets.UTF_8)),
                "type=" + "t".repeat(300),
                "type=",
                "archived=",
                "parent=",
                "type=project&type=task",
                "limit")) {
            Api.Response response = send("GET", "/api/v1/records?" + query, null);
            assertEquals(400, response.status(), query + " -> " + response);
        }
        assertEquals(
                400,
                send("GET", "/api/v1/records/" + project + "/preview?action=" + "x".repeat(500), null)
                        .status());
    }

    @Test
    void oversized_bodies_are_413_and_bad_headers_4xx() {
        String huge = "{\"type\": \"project\", \"attributes\": {\"blob\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        for (String[] route : routes()) {
            if (route[0].equals("GET") || route[0].equals("DELETE")) {
                continue;
            }
            String path = route[1].replace("{id}", project).replace("{name}", "project");
            Api.Response tooBig = send(route[0], path, huge);
            assertEquals(413, tooBig.status(), route[0] + " " + path + " -> " + tooBig);
            assertEquals("PAYLOAD_TOO_LARGE", tooBig.code());
        }
        assertEquals(
                413,
                send(
                                "POST",
                                "/api/v1/records/bulk/delete",
                                "{\"ids\": [" + ("\"" + project + "\",").repeat(40_000) + "\"" + project + "\"]}")
                        .status());
        assertClear(
                api().send(
                                "PATCH",
                                "/api/v1/records/" + project,
                                ws.admin,
                                "{\"archived\": true}",
                                "If-Match",
                                "banana"),
                "If-Match banana");
        assertClear(
                api().send(
                                "PATCH",
                                "/api/v1/records/" + project,
                                ws.admin,
                                "{\"archived\": true}",
                                "If-Match",
                                "\"1\", \"2\""),
                "If-Match list");
        assertClear(
                api().send("DELETE", "/api/v1/records/" + project, ws.admin, null, "Idempotency-Key", "k".repeat(300)),
                "long key");
        assertClear(
                api().send(
                                "POST",
                                "/api/v1/records",
                                ws.admin,
                                "{\"type\": \"project\"}",
                                "Content-Type",
                                "text/plain"),
                "text/plain");
        assertClear(
                api().send(
                                "POST",
                                "/api/v1/records",
                                ws.admin,
                                "{\"type\": \"project\"}",
                                "Content-Type",
                                "application/json; charset=ebcdic"),
                "unknown charset");
        assertClear(
                api().send(
                                "POST",
                                "/api/v1/records",
                                ws.admin,
                                "{\"type\": \"project\"}",
                                "Content-Type",
                                "application/json; charset=\"%%\""),
                "illegal charset");
        assertFalse(ws.archived(project));
    }

    /** Requests built from a seeded random mix of routes, ids, queries and JSON; any 5xx fails the run. */
    @Test
    void a_seeded_fuzz_run_of_generated_requests_gets_no_5xx() {
        Random random = new Random(SEED);
        Fuzz fuzz = new Fuzz(random, List.of(project, archived));
        int clientErrors = 0;
        for (int i = 0; i < fuzzRequests(); i++) {
            String[] route = routes().get(random.nextInt(routes().size()));
            String path = route[1].replace("{id}", fuzz.id()).replace("{name}", fuzz.name());
            if (random.nextInt(3) == 0) {
                path += "?" + fuzz.query();
            }
            String body = route[0].equals("GET") || route[0].equals("DELETE") ? null : fuzz.body();
            String token = random.nextInt(10) == 0 ? ws.member : ws.admin;
            Api.Response response = api().send(route[0], path, token, body);
            assertClear(
                    response,
                    "seed " + SEED + " request " + i + ": " + route[0] + " " + path + " "
                            + (body == null ? "" : shorten(body)));
            if (response.status() >= 400) {
                clientErrors++;
            }
        }
        assertTrue(clientErrors > fuzzRequests() / 2, "the fuzz mostly sends what must be refused: " + clientErrors);
    }

    /** Generates near-valid input: real field names and ids mixed with wrong types, depths and values. */
    private static final class Fuzz {
        private static final List<String> FIELDS = List.of(
                "type",
                "key",
                "attributes",
                "parents",
                "archived",
                "is_archived",
                "in_trash",
                "ids",
                "atomic",
                "archivable",
                "unique",
                "retention",
                "name",
                "id",
                "version",
                "deleted_at",
                "$where",
                "__proto__",
                "");
        private final Random random;
        private final List<String> ids;

        Fuzz(Random random, List<String> ids) {
            this.random = random;
            this.ids = ids;
        }

        String id() {
            return switch (random.nextInt(6)) {
                case 0, 1 -> ids.get(random.nextInt(ids.size()));
                case 2 -> java.util.UUID.randomUUID().toString();
                case 3 -> "bulk";
                case 4 -> URLEncoder.encode(text(), StandardCharsets.UTF_8);
                default -> String.valueOf(random.nextLong());
            };
        }

        String name() {
            return random.nextBoolean()
                    ? List.of("project", "task", "user", "x").get(random.nextInt(4))
                    : URLEncoder.encode(text(), StandardCharsets.UTF_8);
        }

        String query() {
            String[] names = {"type", "archived", "parent", "limit", "cursor", "action", "x"};
            String[] values = {
                "true",
                "false",
                "any",
                "project",
                "-1",
                "501",
                "50",
                "archive",
                "purge",
                "restore",
                ids.get(0),
                URLEncoder.encode(text(), StandardCharsets.UTF_8)
            };
            return names[random.nextInt(names.length)] + "=" + values[random.nextInt(values.length)];
        }

        String body() {
            return switch (random.nextInt(8)) {
                case 0 -> text();
                case 1 -> value(0);
                default -> object(0);
            };
        }

        private String object(int depth) {
            StringBuilder json = new StringBuilder("{");
            int members = random.nextInt(4);
            for (int i = 0; i < members; i++) {
                json.append(i == 0 ? "" : ",")
                        .append('"')
                        .append(FIELDS.get(random.nextInt(FIELDS.size())))
                        .append("\":")
                        .append(value(depth + 1));
            }
            return json.append('}').toString();
        }

        private String value(int depth) {
            int kind = depth > 6 ? random.nextInt(5) : random.nextInt(8);
            return switch (kind) {
                case 0 -> "null";
                case 1 -> String.valueOf(random.nextBoolean());
                case 2 ->
                    List.of("0", "-1", "1.5", "1e308", "1e309", "9223372036854775808", "-0.0", "1E-400")
                            .get(random.nextInt(8));
                case 3 -> '"' + ids.get(random.nextInt(ids.size())) + '"';
                case 4 -> '"' + text().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
                case 5 -> "[" + value(depth + 1) + "," + '"' + ids.get(0) + "\"]";
                default -> object(depth);
            };
        }

        private String text() {
            String[] pieces = {"project", "a", " ", "\\u0000", "\\ud800", "é", "💥", "{", "\"", "%", "../", "P30D"};
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            return text.toString();
        }
    }
}
