package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R12 over HTTP: each id its own result, atomic all-or-nothing, and the size limit before any work. */
class BulkApiIT extends ApiTest {

    /** A small limit, so that the test of it stays small. */
    static final int LIMIT = 5;

    @Override
    Map<String, String> moreProperties() {
        return Map.of("archivist.lifecycle.max-bulk-ids", String.valueOf(LIMIT));
    }

    @Test
    void r12_bulk_archive_gives_each_id_its_own_result() {
        Workspace ws = workspace();
        ws.type("project", true);
        ws.type("log", false);
        String a = ws.create("project", "{}");
        String b = ws.create("project", "{}");
        ws.delete(b);
        String log = ws.create("log", "{}");
        String unknown = UUID.randomUUID().toString();

        Api.Response bulk =
                api().post("/api/v1/records/bulk/archive", ws.admin, Workspace.ids(List.of(a, b, log, unknown)));
        assertEquals(200, bulk.status(), bulk::toString);
        JsonNode items = bulk.json().path("items");
        assertEquals(List.of("archived", "skipped", "error", "error"), outcomes(items));
        assertEquals(a, items.get(0).path("id").asText());
        assertFalse(items.get(1).path("reason").asText().isEmpty());
        assertEquals(
                "ARCHIVE_NOT_SUPPORTED", items.get(2).path("error").path("code").asText());
        assertEquals("RECORD_NOT_FOUND", items.get(3).path("error").path("code").asText());
        assertEquals(1, bulk.json().path("operations").size());
        assertEquals(
                "archive", bulk.json().path("operations").get(0).path("kind").asText());
        assertTrue(ws.archived(a));
        assertEquals(200, ws.status(log));
    }

    @Test
    void r12_bulk_restore_and_delete() {
        Workspace ws = workspace();
        ws.type("project", true);
        String a = ws.create("project", "{}");
        String b = ws.create("project", "{}");
        String c = ws.create("project", "{}");
        api().post("/api/v1/records/bulk/archive", ws.admin, Workspace.ids(List.of(a, b)));

        Api.Response restored = api().post("/api/v1/records/bulk/restore", ws.manager, Workspace.ids(List.of(a, c)));
        assertEquals(200, restored.status(), restored::toString);
        assertEquals(List.of("restored", "skipped"), outcomes(restored.json().path("items")));
        assertFalse(ws.archived(a));

        Api.Response deleted = api().post("/api/v1/records/bulk/delete", ws.admin, Workspace.ids(List.of(a, b)));
        assertEquals(List.of("archived", "purged"), outcomes(deleted.json().path("items")));
        assertTrue(ws.archived(a));
        assertEquals(404, ws.status(b));
    }

    @Test
    void r12_atomic_bulk_is_all_or_nothing() {
        Workspace ws = workspace();
        ws.type("project", true);
        String a = ws.create("project", "{}");
        String missing = UUID.randomUUID().toString();
        Api.Response refused = api().post(
                        "/api/v1/records/bulk/archive",
                        ws.admin,
                        "{\"ids\": [\"" + a + "\", \"" + missing + "\"], \"atomic\": true}");
        assertEquals(404, refused.status(), refused::toString);
        assertEquals("RECORD_NOT_FOUND", refused.code());
        assertFalse(ws.archived(a), "nothing changed");
    }

    @Test
    void r12_more_ids_than_the_limit_is_refused_before_any_work() {
        Workspace ws = workspace();
        ws.type("project", true);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= LIMIT; i++) {
            ids.add(ws.create("project", "{}"));
        }
        Api.Response tooMany = api().post("/api/v1/records/bulk/archive", ws.admin, Workspace.ids(ids));
        assertEquals(422, tooMany.status(), tooMany::toString);
        assertEquals("LIMIT_EXCEEDED", tooMany.code());
        assertEquals(LIMIT, tooMany.json().path("limit").asInt());
        ids.forEach(id -> assertFalse(ws.archived(id)));

        assertEquals(
                200,
                api().post("/api/v1/records/bulk/archive", ws.admin, Workspace.ids(ids.subList(0, LIMIT)))
                        .status(),
                "the limit itself is allowed");
    }

    @Test
    void bulk_refuses_members_bad_ids_and_an_empty_list() {
        Workspace ws = workspace();
        ws.type("project", true);
        String a = ws.create("project", "{}");
        for (String action : List.of("archive", "restore", "delete")) {
            Api.Response member = api().post("/api/v1/records/bulk/" + action, ws.member, Workspace.ids(List.of(a)));
            assertEquals(403, member.status(), action);
            assertEquals("FORBIDDEN", member.code());
        }
        assertEquals(
                400,
                api().post("/api/v1/records/bulk/archive", ws.admin, "{\"ids\": [\"nope\"]}")
                        .status());
        assertEquals(
                400,
                api().post("/api/v1/records/bulk/archive", ws.admin, "{\"ids\": []}")
                        .status());
        assertEquals(
                400, api().post("/api/v1/records/bulk/archive", ws.admin, "{}").status());
        assertEquals(
                400,
                api().post("/api/v1/records/bulk/archive", ws.admin, "{\"ids\": [1, 2]}")
                        .status());
        assertFalse(ws.archived(a));
    }

    private static List<String> outcomes(JsonNode items) {
        List<String> outcomes = new ArrayList<>();
        items.forEach(item -> outcomes.add(item.path("outcome").asText()));
        return outcomes;
    }
}
