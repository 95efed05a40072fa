package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/api.md: create, read, update and list records; the record's JSON and its ETag. */
class RecordApiIT extends ApiTest {

    @Test
    void create_answers_201_with_the_record_its_etag_and_location() {
        Workspace ws = workspace();
        ws.type("project", true);
        Api.Response created = api().post(
                        "/api/v1/records",
                        ws.member,
                        "{\"type\": \"project\", \"key\": \"apollo\", \"attributes\": {\"name\": \"Apollo\", \"budget\": 12.5,"
                                + " \"tags\": [\"a\", null], \"owner\": {\"team\": 7}}}");
        assertEquals(201, created.status(), created::toString);
        JsonNode record = created.json();
        String id = record.path("id").asText();
        assertEquals("/api/v1/records/" + id, created.header("Location").orElseThrow());
        assertEquals("\"1\"", created.header("ETag").orElseThrow());
        assertEquals("apollo", record.path("key").asText());
        assertEquals("project", record.path("type").asText());
        assertEquals(12.5, record.path("attributes").path("budget").asDouble());
        assertTrue(record.path("attributes").path("tags").get(1).isNull());
        assertEquals(7, record.path("attributes").path("owner").path("team").asInt());
        assertTrue(record.path("deleted_at").isNull());
        assertFalse(record.path("archived").asBoolean());
        assertTrue(record.path("archive_operation").isNull());
        assertEquals(1, record.path("version").asLong());
        assertEquals("mia", record.path("created_by").asText());
        assertEquals("mia", record.path("updated_by").asText());
        assertFalse(record.path("created_at").asText().isEmpty());
        assertFalse(record.has("purge_after"), "no retention, no purge_after");

        Api.Response read = api().get("/api/v1/records/" + id, ws.member);
        assertEquals(200, read.status());
        assertEquals(record, read.json());
        assertEquals("\"1\"", read.header("ETag").orElseThrow());
    }

    @Test
    void get_of_an_unknown_record_is_404_record_not_found() {
        Workspace ws = workspace();
        Api.Response missing = api().get("/api/v1/records/0190a0d4-0000-7000-8000-000000000000", ws.member);
        assertEquals(404, missing.status());
        assertEquals("RECORD_NOT_FOUND", missing.code());
        assertEquals(404, missing.json().path("status").asInt());
        assertFalse(missing.json().path("title").asText().isEmpty());
        assertFalse(missing.json().path("type").asText().isEmpty());
        assertFalse(missing.json().path("detail").asText().isEmpty());
    }

    @Test
    void a_bad_id_is_400_validation_failed() {
        Workspace ws = workspace();
        Api.Response bad = api().get("/api/v1/records/not-a-uuid", ws.member);
        assertEquals(400, bad.status());
        assertEquals("VALIDATION_FAILED", bad.code());
    }

    @Test
    void r6_a_second_key_in_a_type_is_409_duplicate_key() {
        Workspace ws = workspace();
        ws.type("project", true);
        String body = "{\"type\": \"project\", \"key\": \"apollo\", \"attributes\": {}}";
        assertEquals(201, api().post("/api/v1/records", ws.member, body).status());
        Api.Response second = api().post("/api/v1/records", ws.member, body);
        assertEquals(409, second.status());
        assertEquals("DUPLICATE_KEY", second.code());
    }

    @Test
    void r6_a_shared_unique_value_is_409_unique_conflict_naming_the_holder() {
        Workspace ws = workspace();
        String holder = ws.create("user", "{\"username\": \"ann\"}");
        Api.Response second = api().post(
                        "/api/v1/records", ws.member, "{\"type\": \"user\", \"attributes\": {\"username\": \"ann\"}}");
        assertEquals(409, second.status());
        assertEquals("UNIQUE_CONFLICT", second.code());
        assertEquals(holder, second.json().path("holder").asText());

        assertEquals(200, ws.delete(holder).status());
        assertEquals(
                201,
                api().post(
                                "/api/v1/records",
                                ws.member,
                                "{\"type\": \"user\", \"attributes\": {\"username\": \"ann\"}}")
                        .status(),
                "archiving frees the value");
    }

    @Test
    void create_under_an_archived_parent_is_409_parent_archived() {
        Workspace ws = workspace();
        ws.type("project", true);
        ws.type("task", true, "project");
        String project = ws.create("project", "{}");
        ws.delete(project);
        Api.Response child = api().post(
                        "/api/v1/records",
                        ws.member,
                        "{\"type\": \"task\", \"attributes\": {}, \"parents\": [\"" + project + "\"]}");
        assertEquals(409, child.status());
        assertEquals("PARENT_ARCHIVED", child.code());
        assertEquals(List.of(project), child.texts("parents"));
    }

    @Test
    void create_of_an_undefined_type_or_a_disallowed_parent_is_400() {
        Workspace ws = workspace();
        ws.type("project", true);
        ws.type("note", true);
        String note = ws.create("note", "{}");
        assertEquals(
                "VALIDATION_FAILED",
                api().post("/api/v1/records", ws.member, "{\"type\": \"nothing\", \"attributes\": {}}")
                        .code());
        Api.Response wrongParent = api().post(
                        "/api/v1/records",
                        ws.member,
                        "{\"type\": \"project\", \"attributes\": {}, \"parents\": [\"" + note + "\"]}");
        assertEquals(400, wrongParent.status());
        assertEquals("VALIDATION_FAILED", wrongParent.code());
    }

    @Test
    void patch_merges_attributes_rfc7396_and_moves_the_version() {
        Workspace ws = workspace();
        ws.type("project", true);
        String id = ws.create("project", "{\"name\": \"A\", \"drop\": 1, \"nested\": {\"x\": 1, \"y\": 2}}");
        Api.Response patched = api().patch(
                        "/api/v1/records/" + id,
                        ws.member,
                        "{\"attributes\": {\"name\": \"B\", \"drop\": null, \"nested\": {\"y\": null, \"z\": 3}}}");
        assertEquals(200, patched.status(), patched::toString);
        JsonNode attributes = patched.json().path("attributes");
        assertEquals("B", attributes.path("name").asText());
        assertFalse(attributes.has("drop"));
        assertEquals(1, attributes.path("nested").path("x").asInt());
        assertFalse(attributes.path("nested").has("y"));
        assertEquals(3, attributes.path("nested").path("z").asInt());
        assertEquals(2, patched.json().path("version").asLong());
        assertEquals("\"2\"", patched.header("ETag").orElseThrow());
    }

    @Test
    void r10_patch_with_a_stale_if_match_is_412_and_changes_nothing() {
        Workspace ws = workspace();
        ws.type("project", true);
        String id = ws.create("project", "{\"name\": \"A\"}");
        assertEquals(
                200,
                api().patch(
                                "/api/v1/records/" + id,
                                ws.member,
                                "{\"attributes\": {\"name\": \"B\"}}",
                                "If-Match",
                                "\"1\"")
                        .status());
        Api.Response stale = api().patch(
                        "/api/v1/records/" + id, ws.member, "{\"attributes\": {\"name\": \"C\"}}", "If-Match", "\"1\"");
        assertEquals(412, stale.status());
        assertEquals("PRECONDITION_FAILED", stale.code());
        assertEquals("B", ws.get(id).path("attributes").path("name").asText());
    }

    @Test
    void patch_archived_is_archived_and_in_trash_archive_and_restore() {
        Workspace ws = workspace();
        ws.type("project", true);
        String id = ws.create("project", "{}");
        for (String flag : List.of("archived", "is_archived", "in_trash")) {
            Api.Response archived = api().patch("/api/v1/records/" + id, ws.admin, "{\"" + flag + "\": true}");
            assertEquals(200, archived.status(), archived::toString);
            assertTrue(archived.json().path("archived").asBoolean(), flag);
            assertFalse(archived.json().path("archive_operation").isNull());
            assertEquals(
                    archived.json().path("version").asText(),
                    archived.header("ETag").orElseThrow().replace("\"", ""));

            Api.Response again = api().patch("/api/v1/records/" + id, ws.admin, "{\"" + flag + "\": true}");
            assertEquals(200, again.status());
            assertEquals(archived.json(), again.json(), "asking for the state it has changes nothing");

            Api.Response restored = api().patch("/api/v1/records/" + id, ws.admin, "{\"" + flag + "\": false}");
            assertEquals(200, restored.status());
            assertFalse(restored.json().path("archived").asBoolean(), flag);
        }
    }

    @Test
    void r9_patching_attributes_of_an_archived_record_is_409_record_archived() {
        Workspace ws = workspace();
        ws.type("project", true);
        String id = ws.create("project", "{\"name\": \"A\"}");
        ws.delete(id);
        Api.Response patched = api().patch("/api/v1/records/" + id, ws.member, "{\"attributes\": {\"name\": \"B\"}}");
        assertEquals(409, patched.status());
        assertEquals("RECORD_ARCHIVED", patched.code());
    }

    @Test
    void patch_archived_on_a_type_without_archive_is_409_archive_not_supported() {
        Workspace ws = workspace();
        ws.type("log", false);
        String id = ws.create("log", "{}");
        Api.Response patched = api().patch("/api/v1/records/" + id, ws.admin, "{\"archived\": true}");
        assertEquals(409, patched.status());
        assertEquals("ARCHIVE_NOT_SUPPORTED", patched.code());
        assertEquals(200, ws.status(id));
    }

    @Test
    void read_only_and_unknown_fields_are_400_never_dropped() {
        Workspace ws = workspace();
        ws.type("project", true);
        String id = ws.create("project", "{}");
        for (String field : List.of(
                "id",
                "deleted_at",
                "archive_operation",
                "version",
                "created_at",
                "created_by",
                "updated_at",
                "updated_by")) {
            Api.Response create = api().post(
                            "/api/v1/records",
                            ws.member,
                            "{\"type\": \"project\", \"attributes\": {}, \"" + field + "\": null}");
            assertEquals(400, create.status(), field);
            assertTrue(create.json().path("detail").asText().contains("read-only"), create::toString);
            Api.Response patch =
                    api().patch("/api/v1/records/" + id, ws.member, "{\"attributes\": {}, \"" + field + "\": \"x\"}");
            assertEquals(400, patch.status(), field);
            assertEquals("VALIDATION_FAILED", patch.code());
        }
        assertEquals(
                400,
                api().post("/api/v1/records", ws.member, "{\"type\": \"project\", \"attributes\": {}, \"colour\": 1}")
                        .status());
        assertEquals(
                400,
                api().patch("/api/v1/records/" + id, ws.member, "{\"key\": \"k\"}")
                        .status());
        assertEquals(
                400,
                api().patch("/api/v1/records/" + id, ws.member, "{\"parents\": []}")
                        .status());
        assertEquals(1, ws.get(id).path("version").asLong(), "nothing changed");
    }

    @Test
    void list_pages_with_a_keyset_cursor_and_filters_by_state_type_and_parent() {
        Workspace ws = workspace();
        ws.type("project", true);
        ws.type("task", true, "project");
        String project = ws.create("project", "{}");
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tasks.add(ws.create("task", "{\"n\": " + i + "}", project));
        }
        ws.delete(tasks.get(4));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api().get(
                            "/api/v1/records?type=task&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                            ws.member);
            assertEquals(200, page.status(), page::toString);
            page.json().path("items").forEach(item -> seen.add(item.path("id").asText()));
            cursor = page.json().path("next_cursor").isNull()
                    ? null
                    : page.json().path("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(tasks.subList(0, 4), seen, "active only by default, in creation order");
        assertEquals(2, pages);

        assertEquals(List.of(tasks.get(4)), ids(api().get("/api/v1/records?type=task&archived=true", ws.member)));
        assertEquals(tasks, ids(api().get("/api/v1/records?type=task&archived=any", ws.member)));
        assertEquals(tasks.subList(0, 4), ids(api().get("/api/v1/records?parent=" + project, ws.member)));
        assertEquals(5, ids(api().get("/api/v1/records", ws.member)).size(), "every type");
    }

    @Test
    void list_refuses_a_limit_over_500_bad_cursors_and_unknown_parameters() {
        Workspace ws = workspace();
        ws.type("project", true);
        for (String query : List.of(
                "limit=501",
                "limit=0",
                "limit=-1",
                "limit=abc",
                "limit=99999999999999999999",
                "cursor=not-a-cursor",
                "archived=maybe",
                "parent=nope",
                "type=%7B%22%24ne%22%3Anull%7D",
                "type[$ne]=x",
                "colour=red",
                "limit=5&limit=6")) {
            Api.Response page = api().get("/api/v1/records?" + query, ws.member);
            assertEquals(400, page.status(), query + " -> " + page);
            assertEquals("VALIDATION_FAILED", page.code());
        }
        assertEquals(200, api().get("/api/v1/records?limit=500", ws.member).status());
        Api.Response unknownType = api().get("/api/v1/records?type=nothing", ws.member);
        assertEquals(404, unknownType.status());
        assertEquals("TYPE_NOT_FOUND", unknownType.code());
    }

    private static List<String> ids(Api.Response page) {
        assertEquals(200, page.status(), page::toString);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
