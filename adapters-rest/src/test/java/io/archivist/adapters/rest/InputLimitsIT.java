package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R14's lengths, depth and number ranges over HTTP, the same in a request and in a seed, each a clear
 * 4xx that changes nothing and quotes the client's text at most briefly; on the embedded H2 store.
 */
class InputLimitsIT extends ApiTest {

    private Workspace ws;
    private String project;

    @BeforeEach
    void graph() {
        ws = workspace();
        ws.type("project", true);
        project = ws.create("project", "{}");
    }

    @Test
    void r14_a_sub_over_255_characters_is_refused_on_create_and_on_archive_and_changes_nothing() {
        String longSub = Tokens.of("s".repeat(256), ws.name, "ADMIN");
        Api.Response created = api().post("/api/v1/records", longSub, "{\"type\": \"project\"}");
        assertEquals(401, created.status(), created::toString);
        Api.Response archived = api().delete("/api/v1/records/" + project, longSub);
        assertEquals(401, archived.status(), archived::toString);
        assertFalse(ws.archived(project));
        Api.Response list = api().get("/api/v1/records?type=project", ws.admin);
        assertEquals(1, list.json().path("items").size(), list::toString);

        String longest = Tokens.of("s".repeat(255), ws.name, "ADMIN");
        assertEquals(
                201,
                api().post("/api/v1/records", longest, "{\"type\": \"project\"}")
                        .status());
    }

    @Test
    void r14_a_retention_longer_than_the_stores_keep_is_a_422_naming_it_briefly() {
        Api.Response refused = api().put(
                        "/api/v1/object-types/project",
                        ws.admin,
                        "{\"archivable\": true, \"retention\": \"P" + "0".repeat(69) + "1D\"}");
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.json().path("detail").asText().contains("retention"), refused::toString);
        assertTrue(api().get("/api/v1/object-types/project", ws.admin)
                .json()
                .path("retention")
                .isNull());
    }

    @Test
    void r14_a_unique_attribute_name_over_255_characters_is_a_422() {
        Api.Response refused = api().put(
                        "/api/v1/object-types/project",
                        ws.admin,
                        "{\"archivable\": true, \"unique\": [\"" + "u".repeat(1100) + "\"]}");
        assertEquals(422, refused.status(), refused::toString);
        assertEquals(
                0,
                api().get("/api/v1/object-types/project", ws.admin)
                        .json()
                        .path("unique")
                        .size());
        ws.typeJson("project", "{\"archivable\": true, \"unique\": [\"" + "u".repeat(255) + "\"]}");
    }

    @Test
    void r14_an_attribute_name_over_255_characters_is_a_400() {
        Api.Response refused = api().post(
                        "/api/v1/records",
                        ws.admin,
                        "{\"type\": \"project\", \"attributes\": {\"" + "a".repeat(256) + "\": 1}}");
        assertEquals(400, refused.status(), refused::toString);
    }

    @Test
    void r14_an_error_quotes_client_text_at_most_64_characters() {
        String name = "t".repeat(100_000);
        Api.Response refused = api().put("/api/v1/object-types/" + "x", ws.admin, "{\"name\": \"" + name + "\"}");
        assertTrue(refused.status() >= 400 && refused.status() < 500, refused::toString);
        Api.Response unknown = api().post("/api/v1/records", ws.admin, "{\"type\": \"" + name + "\"}");
        for (Api.Response response : new Api.Response[] {refused, unknown}) {
            String detail = response.json().path("detail").asText();
            assertTrue(detail.contains("t".repeat(64) + "…"), detail);
            assertFalse(detail.contains("t".repeat(65)), detail);
        }
    }

    @Test
    void r14_a_40_digit_integer_is_refused_in_a_request_and_in_a_seed() {
        String big = "1" + "0".repeat(39);
        Api.Response request = api().post(
                        "/api/v1/records", ws.admin, "{\"type\": \"project\", \"attributes\": {\"n\": " + big + "}}");
        assertEquals(400, request.status(), request::toString);
        Api.Response seed = api().post(
                        "/api/v1/seeds",
                        ws.admin,
                        "{\"records\": [{\"key\": \"p1\", \"type\": \"project\"," + " \"attributes\": {\"n\": " + big
                                + "}}]}");
        assertEquals(400, seed.status(), seed::toString);
        assertTrue(seed.text().contains("64-bit integer"), seed::toString);
        assertEquals(
                1,
                api().get("/api/v1/records?type=project", ws.admin)
                        .json()
                        .path("items")
                        .size());
    }

    @Test
    void r14_json_depth_is_32_counted_from_the_record_in_a_request_and_in_a_seed() {
        // The body is level 1 and the attributes object level 2: 30 more levels fit, 31 do not.
        String fits = "{\"a\": ".repeat(30) + "1" + "}".repeat(30);
        String deeper = "{\"a\": ".repeat(31) + "1" + "}".repeat(31);
        assertEquals(
                201,
                api().post(
                                "/api/v1/records",
                                ws.admin,
                                "{\"type\": \"project\", \"attributes\": {\"x\": " + fits + "}}")
                        .status());
        assertEquals(
                400,
                api().post(
                                "/api/v1/records",
                                ws.admin,
                                "{\"type\": \"project\", \"attributes\": {\"x\": " + deeper + "}}")
                        .status());
        assertEquals(
                200,
                seed("{\"key\": \"fits\", \"type\": \"project\", \"attributes\": {\"x\": " + fits + "}}")
                        .status());
        Api.Response refused =
                seed("{\"key\": \"deep\", \"type\": \"project\", \"attributes\": {\"x\": " + deeper + "}}");
        assertEquals(400, refused.status(), refused::toString);
        assertEquals(
                0,
                api().get("/api/v1/records?type=project&key=deep", ws.admin)
                        .json()
                        .path("items")
                        .size());
    }

    @Test
    void r14_a_seed_deleted_at_outside_the_times_every_store_keeps_is_an_error_naming_the_record() {
        for (String when :
                new String[] {"-999999999-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"}) {
            Api.Response refused = seed("{\"key\": \"old\", \"type\": \"project\", \"deleted_at\": \"" + when + "\"}");
            assertEquals(400, refused.status(), when + " -> " + refused);
            assertTrue(refused.text().contains("\"old\""), refused::toString);
            assertTrue(refused.text().contains("BAD_DELETED_AT"), refused::toString);
        }
        assertEquals(
                200,
                seed("{\"key\": \"epoch\", \"type\": \"project\", \"deleted_at\": \"1970-01-01T00:00:00Z\"}")
                        .status());
    }

    @Test
    void r14_dry_run_takes_only_true_or_false_and_anything_else_imports_nothing() {
        String body = "{\"records\": [{\"key\": \"dry\", \"type\": \"project\"}]}";
        for (String query : new String[] {"?dry_run=1", "?dry_run=", "?dry_run=yes", "?dry_run=true&dry_run=false"}) {
            Api.Response refused = api().post("/api/v1/seeds" + query, ws.admin, body);
            assertEquals(400, refused.status(), query + " -> " + refused);
            assertEquals(
                    1,
                    api().get("/api/v1/records?type=project", ws.admin)
                            .json()
                            .path("items")
                            .size(),
                    query);
        }
        assertEquals(
                200, api().post("/api/v1/seeds?dry_run=true", ws.admin, body).status());
        assertEquals(
                1,
                api().get("/api/v1/records?type=project", ws.admin)
                        .json()
                        .path("items")
                        .size());
        assertEquals(
                200, api().post("/api/v1/seeds?dry_run=false", ws.admin, body).status());
        assertEquals(
                2,
                api().get("/api/v1/records?type=project", ws.admin)
                        .json()
                        .path("items")
                        .size());
    }

    private Api.Response seed(String record) {
        return api().post("/api/v1/seeds", ws.admin, "{\"records\": [" + record + "]}");
    }
}
