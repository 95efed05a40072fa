package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** R10 over HTTP, sentence by sentence (the 24-hour expiry is in the store contract, with a movable clock). */
class IdempotencyApiIT extends ApiTest {

    private static final String KEY = "Idempotency-Key";

    private static Workspace projects(Workspace ws) {
        ws.type("project", true);
        ws.type("task", true, "project");
        return ws;
    }

    @Test
    void r10_a_refusal_is_replayed_like_a_success_even_once_its_cause_is_gone() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        ws.delete(project);
        String task = "{\"type\": \"task\", \"attributes\": {}, \"parents\": [\"" + project + "\"]}";

        Api.Response refused = api().post("/api/v1/records", ws.admin, task, KEY, "task-1");
        assertEquals(409, refused.status(), refused::toString);
        assertEquals("PARENT_ARCHIVED", refused.code());
        assertEquals(200, ws.restore(project).status());

        Api.Response again = api().post("/api/v1/records", ws.admin, task, KEY, "task-1");
        assertEquals(409, again.status(), again::toString);
        assertEquals("PARENT_ARCHIVED", again.code());
        assertEquals(refused.json(), again.json());
        assertEquals("true", again.header("Idempotent-Replayed").orElseThrow());
        assertTrue(again.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(
                0,
                api().get("/api/v1/records?type=task&archived=any", ws.admin)
                        .json()
                        .path("items")
                        .size(),
                "the repeat created nothing");
        assertEquals(
                201,
                api().post("/api/v1/records", ws.admin, task, KEY, "task-2").status(),
                "a new key acts");
    }

    @Test
    void r10_the_request_is_authorised_before_any_replay() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        String asAdmin = Tokens.of("kim", ws.name, "ADMIN");
        String asMember = Tokens.of("kim", ws.name, "MEMBER");
        assertEquals(
                200,
                api().delete("/api/v1/records/" + project, asAdmin, KEY, "delete-1")
                        .status());
        assertEquals(
                200,
                api().put("/api/v1/object-types/note", asAdmin, "{\"archivable\": true}", KEY, "type-1")
                        .status());

        Api.Response delete = api().delete("/api/v1/records/" + project, asMember, KEY, "delete-1");
        Api.Response define = api().put("/api/v1/object-types/note", asMember, "{\"archivable\": true}", KEY, "type-1");

        for (Api.Response forbidden : new Api.Response[] {delete, define}) {
            assertEquals(403, forbidden.status(), forbidden::toString);
            assertEquals("FORBIDDEN", forbidden.code());
            assertFalse(forbidden.header("Idempotent-Replayed").isPresent());
        }
    }

    @Test
    void r10_a_key_belongs_to_its_caller_in_its_workspace() {
        Workspace ws = projects(workspace());
        Workspace other = projects(workspace());
        Api.Response mine =
                api().post("/api/v1/records", ws.admin, "{\"type\": \"project\", \"attributes\": {}}", KEY, "k");

        Api.Response colleagues = api().post(
                        "/api/v1/records", ws.manager, "{\"type\": \"project\", \"attributes\": {\"x\": 1}}", KEY, "k");
        Api.Response elsewhere = api().post(
                        "/api/v1/records",
                        Tokens.of("root-admin", other.name, "ADMIN"),
                        "{\"type\": \"project\", \"attributes\": {}}",
                        KEY,
                        "k");

        assertEquals(201, colleagues.status(), "another caller's key, though its body differs: " + colleagues);
        assertEquals(201, elsewhere.status(), "the same sub in another workspace: " + elsewhere);
        assertFalse(colleagues.header("Idempotent-Replayed").isPresent());
        assertFalse(elsewhere.header("Idempotent-Replayed").isPresent());
        assertNotEquals(mine.header("Location"), colleagues.header("Location"));
        assertNotEquals(mine.header("Location"), elsewhere.header("Location"));
    }

    @Test
    void r10_the_same_key_with_another_method_path_query_or_body_is_idempotency_key_reused() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        String seed = "{\"object_types\": [{\"name\": \"journey\", \"archivable\": true}],"
                + " \"records\": [{\"key\": \"j1\", \"type\": \"journey\", \"attributes\": {}}]}";
        assertEquals(
                200,
                api().post("/api/v1/seeds?dry_run=true", ws.admin, seed, KEY, "seed-1")
                        .status());
        assertEquals(
                200,
                api().delete("/api/v1/records/" + project, ws.admin, KEY, "d-1").status());

        assertReused(api().post("/api/v1/seeds", ws.admin, seed, KEY, "seed-1"), "another query string");
        assertReused(api().post("/api/v1/records/" + project + "/restore", ws.admin, null, KEY, "d-1"), "another path");
        assertReused(
                api().send("PATCH", "/api/v1/records/" + project, ws.admin, "{\"archived\": false}", KEY, "d-1"),
                "another method");
        assertReused(
                api().post("/api/v1/seeds?dry_run=true", ws.admin, seed.replace("j1", "j2"), KEY, "seed-1"),
                "another body");
        assertEquals(
                0,
                api().get("/api/v1/records?type=journey&archived=any", ws.admin)
                        .json()
                        .path("items")
                        .size(),
                "the dry run imported nothing, and its key did not import either");
        assertTrue(ws.archived(project));
    }

    private static void assertReused(Api.Response response, String why) {
        assertEquals(422, response.status(), why + " -> " + response);
        assertEquals("IDEMPOTENCY_KEY_REUSED", response.code(), why);
        assertFalse(response.header("Idempotent-Replayed").isPresent(), why);
    }
}
