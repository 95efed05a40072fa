package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md over HTTP: archive, delete twice to destroy, restore, R7, R10, R13, history and operations. */
class LifecycleApiIT extends ApiTest {

    private static Workspace projects(Workspace ws) {
        ws.type("project", true);
        ws.type("task", true, "project");
        ws.type("comment", true, "task");
        return ws;
    }

    @Test
    void r1_r2_delete_archives_the_record_and_its_active_dependents_in_one_operation() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        String task = ws.create("task", "{}", project);
        String comment = ws.create("comment", "{}", task);
        String earlier = ws.create("task", "{}", project);
        String earlierOperation =
                ws.delete(earlier).json().path("operation").path("id").asText();

        Api.Response archived = ws.delete(project);
        assertEquals(200, archived.status(), archived::toString);
        JsonNode body = archived.json();
        assertEquals("archived", body.path("outcome").asText());
        JsonNode operation = body.path("operation");
        assertEquals("archive", operation.path("kind").asText());
        assertEquals("root-admin", operation.path("actor").asText());
        assertEquals(List.of(project), List.of(operation.path("roots").get(0).asText()));
        assertEquals(1, operation.path("counts").path("project").asLong());
        assertEquals(1, operation.path("counts").path("task").asLong());
        assertEquals(1, operation.path("counts").path("comment").asLong());
        assertTrue(body.path("record").path("archived").asBoolean());
        assertEquals(
                "\"" + body.path("record").path("version").asText() + "\"",
                archived.header("ETag").orElseThrow());

        for (String id : List.of(project, task, comment)) {
            JsonNode record = ws.get(id);
            assertEquals(
                    operation.path("id").asText(),
                    record.path("archive_operation").asText());
            assertEquals(
                    operation.path("at").asText(), record.path("deleted_at").asText());
        }
        assertEquals(
                earlierOperation, ws.get(earlier).path("archive_operation").asText(), "R2 keeps its own operation");
    }

    @Test
    void r3_deleting_an_archived_record_purges_it_and_every_dependent() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        String task = ws.create("task", "{}", project);
        String comment = ws.create("comment", "{}", task);
        ws.delete(task);

        Api.Response archived = ws.delete(project);
        assertEquals("archived", archived.json().path("outcome").asText());
        Api.Response purged = ws.delete(project);
        assertEquals(200, purged.status());
        assertEquals("purged", purged.json().path("outcome").asText());
        assertFalse(purged.json().has("record"));
        assertEquals("purge", purged.json().path("operation").path("kind").asText());
        assertEquals(3, purged.json().path("operation").path("total").asLong());
        for (String id : List.of(project, task, comment)) {
            Api.Response gone = api().get("/api/v1/records/" + id, ws.admin);
            assertEquals(404, gone.status());
            assertEquals("RECORD_NOT_FOUND", gone.code());
        }
        assertEquals(
                404,
                api().get("/api/v1/records/" + project + "/history", ws.admin).status());
        assertEquals(404, ws.delete(project).status(), "a third DELETE finds nothing");
    }

    @Test
    void r4_the_first_delete_of_a_type_without_archive_purges() {
        Workspace ws = workspace();
        ws.type("log", false);
        String log = ws.create("log", "{}");
        Api.Response purged = ws.delete(log);
        assertEquals("purged", purged.json().path("outcome").asText(), purged::toString);
        assertEquals(404, ws.status(log));
    }

    @Test
    void r5_restore_brings_back_exactly_what_was_archived_together_and_names_what_stays() {
        Workspace ws = projects(workspace());
        String a = ws.create("project", "{}");
        String b = ws.create("project", "{}");
        String shared = ws.create("task", "{}", a, b);
        String onlyB = ws.create("task", "{}", b);
        String separately = ws.create("task", "{}", b);
        ws.delete(separately);
        ws.delete(b);
        ws.delete(a);

        Api.Response restored = ws.restore(b);
        assertEquals(200, restored.status(), restored::toString);
        JsonNode body = restored.json();
        assertEquals("restored", body.path("outcome").asText());
        assertEquals("restore", body.path("operation").path("kind").asText());
        assertFalse(body.path("record").path("archived").asBoolean());
        assertEquals(
                "\"" + body.path("record").path("version").asText() + "\"",
                restored.header("ETag").orElseThrow());
        JsonNode left = body.path("left_archived");
        assertEquals(1, left.size());
        assertEquals(shared, left.get(0).path("id").asText());
        assertEquals(a, left.get(0).path("archived_parents").get(0).asText());
        assertFalse(left.get(0).path("reason").asText().isEmpty());

        assertFalse(ws.archived(onlyB));
        assertTrue(ws.archived(shared), "its other parent is still archived");
        assertTrue(ws.archived(separately), "archived by another operation");
    }

    @Test
    void r5_restoring_an_active_record_is_409_not_archived() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        Api.Response restored = ws.restore(project);
        assertEquals(409, restored.status());
        assertEquals("NOT_ARCHIVED", restored.code());
    }

    @Test
    void r5_restoring_under_an_archived_parent_is_409_parent_archived_naming_it() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        String task = ws.create("task", "{}", project);
        ws.delete(task);
        ws.delete(project);
        Api.Response restored = ws.restore(task);
        assertEquals(409, restored.status());
        assertEquals("PARENT_ARCHIVED", restored.code());
        assertEquals(List.of(project), restored.texts("parents"));
        assertTrue(ws.archived(task));
    }

    @Test
    void r6_restoring_a_value_now_held_by_an_active_record_is_409_unique_conflict() {
        Workspace ws = workspace();
        String first = ws.create("user", "{\"username\": \"ann\"}");
        ws.delete(first);
        String second = ws.create("user", "{\"username\": \"ann\"}");
        Api.Response restored = ws.restore(first);
        assertEquals(409, restored.status());
        assertEquals("UNIQUE_CONFLICT", restored.code());
        assertEquals(second, restored.json().path("holder").asText());
    }

    @Test
    void r7_archiving_or_purging_your_own_user_is_409_cannot_archive_self() {
        Workspace ws = workspace();
        String me = ws.create("user", "{\"username\": \"root-admin\"}");
        Api.Response archived = ws.delete(me);
        assertEquals(409, archived.status());
        assertEquals("CANNOT_ARCHIVE_SELF", archived.code());
        assertFalse(ws.archived(me));
        Api.Response patched = api().patch("/api/v1/records/" + me, ws.admin, "{\"archived\": true}");
        assertEquals("CANNOT_ARCHIVE_SELF", patched.code());
        assertEquals(
                200,
                api().delete("/api/v1/records/" + me, Tokens.of("other", ws.name, "ADMIN"))
                        .status(),
                "someone else may");
    }

    @Test
    void members_may_not_archive_restore_or_preview() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        Api.Response delete = api().delete("/api/v1/records/" + project, ws.member);
        assertEquals(403, delete.status());
        assertEquals("FORBIDDEN", delete.code());
        assertEquals(
                403,
                api().patch("/api/v1/records/" + project, ws.member, "{\"archived\": true}")
                        .status());
        assertEquals(
                403,
                api().get("/api/v1/records/" + project + "/preview?action=archive", ws.member)
                        .status());
        ws.delete(project);
        assertEquals(
                403,
                api().post("/api/v1/records/" + project + "/restore", ws.member, null)
                        .status());
        assertTrue(ws.archived(project));
        assertEquals(
                200,
                api().post("/api/v1/records/" + project + "/restore", ws.manager, null)
                        .status(),
                "a journey manager may");
    }

    @Test
    void r10_delete_and_restore_honour_if_match() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        Api.Response stale = api().delete("/api/v1/records/" + project, ws.admin, "If-Match", "\"7\"");
        assertEquals(412, stale.status());
        assertEquals("PRECONDITION_FAILED", stale.code());
        assertFalse(ws.archived(project));
        Api.Response archived = api().delete("/api/v1/records/" + project, ws.admin, "If-Match", "\"1\"");
        assertEquals(200, archived.status());
        String etag = archived.header("ETag").orElseThrow();
        assertEquals(
                412,
                api().send("POST", "/api/v1/records/" + project + "/restore", ws.admin, null, "If-Match", "\"1\"")
                        .status());
        assertEquals(
                200,
                api().send("POST", "/api/v1/records/" + project + "/restore", ws.admin, null, "If-Match", etag)
                        .status());
    }

    @Test
    void r10_a_retried_delete_with_the_same_idempotency_key_answers_again_without_purging() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        Api.Response first = api().delete("/api/v1/records/" + project, ws.admin, "Idempotency-Key", "retry-1");
        Api.Response retry = api().delete("/api/v1/records/" + project, ws.admin, "Idempotency-Key", "retry-1");
        assertEquals(200, retry.status());
        assertEquals(first.json(), retry.json());
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals("true", retry.header("Idempotent-Replayed").orElseThrow());
        assertEquals("archived", retry.json().path("outcome").asText());
        assertTrue(ws.archived(project), "archived once, never purged by the retry");

        Api.Response create = api().post(
                        "/api/v1/records",
                        ws.admin,
                        "{\"type\": \"project\", \"attributes\": {}}",
                        "Idempotency-Key",
                        "create-1");
        Api.Response createAgain = api().post(
                        "/api/v1/records",
                        ws.admin,
                        "{\"type\": \"project\", \"attributes\": {}}",
                        "Idempotency-Key",
                        "create-1");
        assertEquals(201, createAgain.status());
        assertEquals(create.header("Location"), createAgain.header("Location"));
        assertEquals(
                2,
                ids(api().get("/api/v1/records?type=project&archived=any", ws.admin))
                        .size(),
                "one project archived, one created once");

        Api.Response otherRequest = api().post(
                        "/api/v1/records",
                        ws.admin,
                        "{\"type\": \"project\", \"attributes\": {\"x\": 1}}",
                        "Idempotency-Key",
                        "create-1");
        assertEquals(422, otherRequest.status(), "a key names one request");
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherRequest.code());
    }

    @Test
    void r13_preview_reports_counts_what_stays_and_blockers_and_changes_nothing() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        String task = ws.create("task", "{}", project);
        ws.create("comment", "{}", task);

        JsonNode archive = preview(ws, project, "archive");
        assertEquals("archive", archive.path("action").asText());
        assertEquals(3, archive.path("total").asLong());
        assertEquals(1, archive.path("counts").path("comment").asLong());
        assertTrue(archive.path("allowed").asBoolean());
        assertEquals(0, archive.path("blockers").size());
        assertFalse(ws.archived(project), "a preview changes nothing");

        String me = ws.create("user", "{\"username\": \"root-admin\"}");
        JsonNode self = preview(ws, me, "purge");
        assertFalse(self.path("allowed").asBoolean());
        assertEquals(
                "CANNOT_ARCHIVE_SELF", self.path("blockers").get(0).path("code").asText());
        assertEquals(me, self.path("blockers").get(0).path("records").get(0).asText());

        ws.delete(task);
        ws.delete(project);
        JsonNode restoreTask = preview(ws, task, "restore");
        assertEquals(
                "PARENT_ARCHIVED",
                restoreTask.path("blockers").get(0).path("code").asText());
        JsonNode restoreProject = preview(ws, project, "restore");
        assertTrue(restoreProject.path("allowed").asBoolean());
        assertEquals(1, restoreProject.path("total").asLong(), "the task was archived by its own operation");
        assertEquals(3, preview(ws, project, "purge").path("total").asLong(), "a purge takes every dependent");
        assertTrue(ws.archived(project));

        Api.Response bad = api().get("/api/v1/records/" + project + "/preview?action=explode", ws.admin);
        assertEquals(400, bad.status());
        assertEquals(
                400,
                api().get("/api/v1/records/" + project + "/preview", ws.admin).status());
    }

    @Test
    void r1_r12_r13_archiving_an_archived_record_changes_nothing_in_a_patch_a_bulk_archive_and_a_preview() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        ws.create("task", "{}", project);
        ws.delete(project);
        long version = ws.get(project).path("version").asLong();

        Api.Response preview = api().get("/api/v1/records/" + project + "/preview?action=archive", ws.admin);
        assertEquals(200, preview.status(), preview::toString);
        assertEquals(0, preview.json().path("total").asLong(), "nothing would be archived");
        assertEquals(0, preview.json().path("counts").size());
        assertEquals(0, preview.json().path("blockers").size());
        assertTrue(preview.json().path("allowed").asBoolean());

        Api.Response patched = api().patch("/api/v1/records/" + project, ws.admin, "{\"archived\": true}");
        assertEquals(200, patched.status(), patched::toString);
        Api.Response bulk = api().post("/api/v1/records/bulk/archive", ws.admin, Workspace.ids(List.of(project)));
        assertEquals("skipped", bulk.json().path("items").get(0).path("outcome").asText(), bulk::toString);
        assertEquals(
                "already archived",
                bulk.json().path("items").get(0).path("reason").asText());
        assertEquals(0, bulk.json().path("operations").size());
        assertEquals(version, ws.get(project).path("version").asLong(), "none of the three changed the record");
    }

    @Test
    void history_lists_the_operations_that_touched_a_record_oldest_first() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        String task = ws.create("task", "{}", project);
        ws.delete(project);
        ws.restore(project);
        ws.delete(task);
        Api.Response history = api().get("/api/v1/records/" + task + "/history", ws.member);
        assertEquals(200, history.status(), history::toString);
        List<String> kinds = new ArrayList<>();
        history.json().path("items").forEach(op -> kinds.add(op.path("kind").asText()));
        assertEquals(List.of("archive", "restore", "archive"), kinds);
        assertEquals(
                0,
                api().get("/api/v1/records/" + ws.create("project", "{}") + "/history", ws.member)
                        .json()
                        .path("items")
                        .size());
    }

    @Test
    void operations_are_read_by_admins_and_by_their_own_actor() {
        Workspace ws = projects(workspace());
        String project = ws.create("project", "{}");
        String byManager = api().delete("/api/v1/records/" + project, ws.manager)
                .json()
                .path("operation")
                .path("id")
                .asText();
        String byAdmin = ws.restore(project).json().path("operation").path("id").asText();

        Api.Response read = api().get("/api/v1/operations/" + byManager, ws.admin);
        assertEquals(200, read.status());
        assertEquals("archive", read.json().path("kind").asText());
        assertEquals("jo", read.json().path("actor").asText());
        assertEquals(1, read.json().path("counts").path("project").asLong());
        assertEquals(
                200, api().get("/api/v1/operations/" + byManager, ws.manager).status());
        Api.Response others = api().get("/api/v1/operations/" + byAdmin, ws.manager);
        assertEquals(403, others.status());
        assertEquals("FORBIDDEN", others.code());
        assertFalse(others.text().contains("root-admin"), "a 403 never names another actor: " + others.text());

        Api.Response unknown = api().get("/api/v1/operations/0190a0d4-0000-7000-8000-000000000000", ws.admin);
        assertEquals(404, unknown.status());
        assertEquals("OPERATION_NOT_FOUND", unknown.code());
        assertEquals(400, api().get("/api/v1/operations/42", ws.admin).status());
        assertNotEquals(byManager, byAdmin);
    }

    private JsonNode preview(Workspace ws, String id, String action) {
        Api.Response preview = api().get("/api/v1/records/" + id + "/preview?action=" + action, ws.admin);
        assertEquals(200, preview.status(), preview::toString);
        return preview.json();
    }

    private static List<String> ids(Api.Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
