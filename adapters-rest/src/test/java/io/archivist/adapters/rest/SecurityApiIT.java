package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/quality.md "Security targets" over HTTP with HS256 tokens (the JWKS cases are in JwksApiIT). */
class SecurityApiIT extends ApiTest {

    private static final String PATH = "/api/v1/object-types";

    private void assertUnauthorized(String token, String why) {
        Api.Response response = api().get(PATH, token);
        assertEquals(401, response.status(), why + " -> " + response);
        assertEquals("UNAUTHORIZED", response.code(), why);
        assertTrue(response.header("WWW-Authenticate").orElse("").startsWith("Bearer"), why);
    }

    private void assertForbidden(String token, String why) {
        Api.Response response = api().get(PATH, token);
        assertEquals(403, response.status(), why + " -> " + response);
        assertEquals("FORBIDDEN", response.code(), why);
    }

    private static String claims(String sub, Long exp, String roles, String workspace) {
        StringBuilder json = new StringBuilder("{");
        if (sub != null) {
            json.append("\"sub\": \"").append(sub).append("\",");
        }
        if (exp != null) {
            json.append("\"exp\": ").append(exp).append(",");
        }
        if (roles != null) {
            json.append("\"roles\": ").append(roles).append(",");
        }
        if (workspace != null) {
            json.append("\"workspace\": \"").append(workspace).append("\",");
        }
        json.setLength(json.length() - 1);
        return json.append("}").toString();
    }

    @Test
    void a_valid_token_passes() {
        Api.Response ok = api().get(
                        PATH,
                        Tokens.withClaims(claims("ann", Tokens.in(Duration.ofMinutes(5)), "[\"MEMBER\"]", "acme")));
        assertEquals(200, ok.status(), ok::toString);
    }

    @Test
    void unauthorized_without_a_valid_signed_token_with_sub_and_exp() {
        long soon = Tokens.in(Duration.ofMinutes(5));
        assertUnauthorized(null, "no token");
        assertUnauthorized(Tokens.unsigned(claims("ann", soon, "[\"ADMIN\"]", "acme")), "alg none");
        assertUnauthorized(
                Tokens.signed("another-secret-that-is-long-enough-too", "ann", "acme", List.of("ADMIN")),
                "wrong HS256 secret");
        assertUnauthorized(
                Tokens.withClaims(claims("ann", Tokens.in(Duration.ofMinutes(-5)), "[\"ADMIN\"]", "acme")), "expired");
        assertUnauthorized(Tokens.withClaims(claims("ann", null, "[\"ADMIN\"]", "acme")), "no exp");
        assertUnauthorized(Tokens.withClaims(claims(null, soon, "[\"ADMIN\"]", "acme")), "no sub");
        assertUnauthorized(Tokens.withClaims(claims("", soon, "[\"ADMIN\"]", "acme")), "blank sub");
        String valid = Tokens.of("ann", "acme", "MEMBER");
        String[] parts = valid.split("\\.");
        assertUnauthorized(
                parts[0] + "." + Tokens.b64(claims("ann", soon, "[\"SUPER_ADMIN\"]", "acme")) + "." + parts[2],
                "payload changed after signing");
        assertUnauthorized("not-a-jwt", "garbage");
        Api.Response basic = api().send("GET", PATH, null, null, "Authorization", "Basic YWxpY2U6c2VjcmV0");
        assertEquals(401, basic.status());
    }

    @Test
    void forbidden_without_roles_as_a_json_array_or_without_a_workspace() {
        long soon = Tokens.in(Duration.ofMinutes(5));
        assertForbidden(Tokens.withClaims(claims("ann", soon, null, "acme")), "no roles claim");
        assertForbidden(Tokens.withClaims(claims("ann", soon, "\"ADMIN,MEMBER\"", "acme")), "roles as a comma string");
        assertForbidden(Tokens.withClaims(claims("ann", soon, "\"ADMIN\"", "acme")), "roles as one string");
        assertForbidden(Tokens.withClaims(claims("ann", soon, "[\"OWNER\"]", "acme")), "no known role");
        assertForbidden(Tokens.withClaims(claims("ann", soon, "[]", "acme")), "empty roles");
        assertForbidden(Tokens.withClaims(claims("ann", soon, "[\"ADMIN\"]", null)), "no workspace");
        assertForbidden(
                Tokens.withClaims(claims("ann", soon, "[\"ADMIN\"]", "../../etc")), "a workspace that is no name");
        assertForbidden(Tokens.of("system", "acme", "ADMIN"), "the retention job's actor");
        assertForbidden(Tokens.of("seed", "acme", "ADMIN"), "the seed importer's actor");
    }

    @Test
    void reserved_actors_in_any_case_and_spacing_and_subs_with_control_characters_are_forbidden() {
        for (String reserved : List.of("SYSTEM", "Seed", "system ", " sEeD ", "sys tem", "system\u00a0")) {
            assertForbidden(
                    Tokens.withClaims(claims(reserved, Tokens.in(Duration.ofMinutes(5)), "[\"ADMIN\"]", "acme")),
                    "reserved '" + reserved + "'");
        }
        for (String control : List.of("ann\\u0000", "ann\\nroot", "ann\\u001f", "ann\\u007f")) {
            Api.Response response = api().get(
                            PATH,
                            Tokens.withClaims(
                                    claims(control, Tokens.in(Duration.ofMinutes(5)), "[\"ADMIN\"]", "acme")));
            assertEquals(403, response.status(), control + " -> " + response);
            assertTrue(response.json().path("detail").asText().contains("control character"), response::toString);
        }
        assertEquals(200, api().get(PATH, Tokens.of("systems", "acme", "ADMIN")).status(), "only the reserved names");
    }

    @Test
    void a_token_is_unauthorized_before_its_nbf() {
        long soon = Tokens.in(Duration.ofMinutes(5));
        String claims = claims("ann", soon, "[\"MEMBER\"]", "acme");
        String notYet =
                claims.substring(0, claims.length() - 1) + ", \"nbf\": " + Tokens.in(Duration.ofMinutes(2)) + "}";
        String already =
                claims.substring(0, claims.length() - 1) + ", \"nbf\": " + Tokens.in(Duration.ofMinutes(-2)) + "}";

        assertUnauthorized(Tokens.withClaims(notYet), "nbf in two minutes");
        assertEquals(200, api().get(PATH, Tokens.withClaims(already)).status(), "nbf two minutes ago");
    }

    @Test
    void members_get_403_on_lifecycle_bulk_and_type_routes() {
        Workspace ws = workspace();
        ws.type("project", true);
        String id = ws.create("project", "{}");
        String ids = Workspace.ids(List.of(id));
        List<Api.Response> refused = List.of(
                api().delete("/api/v1/records/" + id, ws.member),
                api().post("/api/v1/records/" + id + "/restore", ws.member, null),
                api().patch("/api/v1/records/" + id, ws.member, "{\"in_trash\": true}"),
                api().get("/api/v1/records/" + id + "/preview?action=purge", ws.member),
                api().post("/api/v1/records/bulk/archive", ws.member, ids),
                api().post("/api/v1/records/bulk/restore", ws.member, ids),
                api().post("/api/v1/records/bulk/delete", ws.member, ids),
                api().put("/api/v1/object-types/other", ws.member, "{\"archivable\": true}"));
        for (Api.Response response : refused) {
            assertEquals(403, response.status(), response::toString);
            assertEquals("FORBIDDEN", response.code());
        }
        assertFalse(ws.archived(id));
    }

    @Test
    void another_workspaces_records_are_404_everywhere_and_never_listed() {
        Workspace mine = workspace();
        Workspace theirs = workspace();
        theirs.type("project", true);
        mine.type("project", true);
        String secret = theirs.create("project", "{\"name\": \"secret\"}");
        String archivedSecret = theirs.create("project", "{}");
        theirs.delete(archivedSecret);
        String path = "/api/v1/records/" + secret;
        List<Api.Response> answers = List.of(
                api().get(path, mine.admin),
                api().patch(path, mine.admin, "{\"attributes\": {\"name\": \"mine\"}}"),
                api().patch(path, mine.admin, "{\"archived\": true}"),
                api().delete(path, mine.admin),
                api().post("/api/v1/records/" + archivedSecret + "/restore", mine.admin, null),
                api().get(path + "/preview?action=archive", mine.admin),
                api().get(path + "/history", mine.admin));
        for (Api.Response answer : answers) {
            assertEquals(404, answer.status(), answer::toString);
            assertEquals("RECORD_NOT_FOUND", answer.code());
            assertFalse(answer.text().contains("secret\""), "never its data");
        }
        Api.Response bulk = api().post("/api/v1/records/bulk/delete", mine.admin, Workspace.ids(List.of(secret)));
        assertEquals(
                "RECORD_NOT_FOUND",
                bulk.json().path("items").get(0).path("error").path("code").asText());
        Api.Response child = api().post(
                        "/api/v1/records",
                        mine.admin,
                        "{\"type\": \"project\", \"attributes\": {}, \"parents\": [\"" + secret + "\"]}");
        assertEquals(400, child.status(), "a parent of another workspace does not exist here");
        for (String archived : List.of("false", "true", "any")) {
            assertEquals(
                    0,
                    api().get("/api/v1/records?archived=" + archived, mine.admin)
                            .json()
                            .path("items")
                            .size());
        }
        String operation =
                theirs.delete(secret).json().path("operation").path("id").asText();
        assertEquals(
                404, api().get("/api/v1/operations/" + operation, mine.admin).status());
        assertEquals(
                "secret", theirs.get(secret).path("attributes").path("name").asText(), "untouched");
    }

    @Test
    void health_and_openapi_answer_without_a_token() {
        Api.Response health = api().get("/health", null);
        assertEquals(200, health.status(), health::toString);
        assertEquals("UP", health.json().path("status").asText());
        Api.Response openApi = api().get("/openapi.yml", null);
        assertEquals(200, openApi.status());
        assertTrue(openApi.text().startsWith("openapi: 3"), openApi.text().substring(0, 40));
        for (String route : List.of(
                "/api/v1/records:",
                "/api/v1/records/{id}/restore:",
                "/api/v1/records/bulk/delete:",
                "/api/v1/records/{id}/preview:",
                "/api/v1/records/{id}/history:",
                "/api/v1/operations/{id}:",
                "/api/v1/object-types/{name}:")) {
            assertTrue(openApi.text().contains(route), route);
        }
        assertEquals(401, api().get("/api/v1/records", null).status());
    }

    @Test
    void unknown_paths_and_methods_are_problems_too() {
        Workspace ws = workspace();
        Api.Response nowhere = api().get("/api/v1/nowhere", ws.admin);
        assertEquals(404, nowhere.status());
        assertEquals("NOT_FOUND", nowhere.code());
        Api.Response method = api().send("PUT", "/api/v1/records/0190a0d4-0000-7000-8000-000000000000", ws.admin, "{}");
        assertEquals(405, method.status());
        assertEquals("METHOD_NOT_ALLOWED", method.code());
        Api.Response mediaType = api().send(
                        "POST",
                        "/api/v1/records",
                        ws.admin,
                        "type=project",
                        "Content-Type",
                        "application/x-www-form-urlencoded");
        assertEquals(415, mediaType.status());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", mediaType.code());
    }
}
