package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * GET /operations (the log, newest first; restorable=true, the archive grouped by what was archived
 * together) and POST /operations/{id}/restore (undo) over HTTP: roles, paging, filters, refusals, retries.
 */
class OperationApiIT extends ApiTest {

    private static Workspace journeys(Workspace ws) {
        ws.typeJson("journey", "{\"archivable\": true, \"title_attribute\": \"name\", \"retention\": \"P30D\"}");
        ws.type("step", true, "journey");
        return ws;
    }

    private String journey(Workspace ws, String name) {
        return ws.create("journey", "{\"name\": \"" + name + "\"}");
    }

    private String archiveAs(Workspace ws, String token, String id) {
        Api.Response archived = api().delete("/api/v1/records/" + id, token);
        assertEquals(200, archived.status(), archived::toString);
        return archived.json().path("operation").path("id").asText();
    }

    private Api.Response list(Workspace ws, String token, String query) {
        return api().get("/api/v1/operations" + (query.isEmpty() ? "" : "?" + query), token);
    }

    private static List<String> ids(Api.Response page) {
        assertEquals(200, page.status(), page::toString);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void the_log_is_paged_newest_first_with_a_cursor_and_filtered_by_kind_and_actor() {
        Workspace ws = journeys(workspace());
        String a = journey(ws, "Onboarding");
        String b = journey(ws, "Offboarding");
        String first = archiveAs(ws, ws.admin, a);
        String restore = ws.restore(a).json().path("operation").path("id").asText();
        String second = archiveAs(ws, ws.manager, b);

        Api.Response page = list(ws, ws.admin, "limit=2");
        assertEquals(List.of(second, restore), ids(page));
        String cursor = page.json().path("next_cursor").asText();
        Api.Response last = list(ws, ws.admin, "limit=2&cursor=" + cursor);
        assertEquals(List.of(first), ids(last));
        assertTrue(last.json().path("next_cursor").isNull());
        JsonNode item = page.json().path("items").get(0);
        assertEquals("archive", item.path("kind").asText());
        assertEquals("jo", item.path("actor").asText());
        assertEquals(b, item.path("roots").get(0).asText(), "the plain log names roots by id, as GET /operations/{id}");

        assertEquals(List.of(second, first), ids(list(ws, ws.admin, "kind=archive")));
        assertEquals(List.of(restore), ids(list(ws, ws.admin, "kind=restore")));
        assertEquals(List.of(second), ids(list(ws, ws.admin, "actor=jo")));
        assertEquals(List.of(restore, first), ids(list(ws, ws.admin, "actor=root-admin")));
        Api.Response otherFilter = list(ws, ws.admin, "kind=restore&limit=2&cursor=" + cursor);
        assertEquals(400, otherFilter.status(), "a cursor belongs to its filter");
    }

    @Test
    void restorable_lists_the_archive_grouped_by_what_was_archived_together_with_titles_and_retention() {
        Workspace ws = journeys(workspace());
        String onboarding = journey(ws, "Onboarding");
        ws.create("step", "{}", onboarding);
        ws.create("step", "{}", onboarding);
        String offboarding = journey(ws, "Offboarding");
        String archived = archiveAs(ws, ws.admin, onboarding);
        archiveAs(ws, ws.admin, offboarding);
        ws.restore(offboarding);

        Api.Response page = list(ws, ws.admin, "restorable=true");

        assertEquals(List.of(archived), ids(page));
        JsonNode item = page.json().path("items").get(0);
        assertEquals(3, item.path("still_archived").asLong());
        assertEquals(3, item.path("total").asLong());
        JsonNode root = item.path("roots").get(0);
        assertEquals(onboarding, root.path("id").asText());
        assertEquals("journey", root.path("type").asText());
        assertTrue(root.path("key").isNull());
        assertEquals("Onboarding", root.path("title").asText());
        String at = item.path("at").asText();
        assertEquals(
                java.time.Instant.parse(at).plus(java.time.Duration.ofDays(30)).toString(),
                item.path("purge_after").asText());
    }

    @Test
    void other_roles_than_admins_read_their_own_operations_and_a_403_names_nobody() {
        Workspace ws = journeys(workspace());
        String mine = archiveAs(ws, ws.manager, journey(ws, "Mine"));
        archiveAs(ws, ws.admin, journey(ws, "Theirs"));

        assertEquals(List.of(mine), ids(list(ws, ws.manager, "")));
        assertEquals(List.of(mine), ids(list(ws, ws.manager, "restorable=true")));
        assertEquals(List.of(mine), ids(list(ws, ws.manager, "actor=jo")));
        assertEquals(List.of(), ids(list(ws, ws.member, "")));
        Api.Response others = list(ws, ws.manager, "actor=root-admin");
        refused(others, 403, "FORBIDDEN");
        assertFalse(others.text().contains("root-admin"), others::text);
        assertEquals(List.of(), ids(list(workspace(), workspace().admin, "")), "another workspace's log is empty");
    }

    @Test
    void a_malformed_query_is_a_400_that_names_it() {
        Workspace ws = journeys(workspace());
        for (String query : List.of(
                "kind=delete",
                "restorable=yes",
                "limit=0",
                "limit=501",
                "limit=ten",
                "cursor=bm90LW91cnM",
                "type=journey",
                "kind=archive&kind=purge",
                "actor=",
                "actor=" + "x".repeat(256))) {
            Api.Response refused = list(ws, ws.admin, query);
            assertEquals(400, refused.status(), query + ": " + refused.text());
            assertEquals("VALIDATION_FAILED", refused.code(), query);
        }
    }

    @Test
    void undo_restores_an_archive_operation_like_a_record_restore_and_is_idempotent() {
        Workspace ws = journeys(workspace());
        String onboarding = journey(ws, "Onboarding");
        String step = ws.create("step", "{}", onboarding);
        Api.Response archived = api().delete("/api/v1/records/" + onboarding, ws.manager);
        String operation = archived.json().path("operation").path("id").asText();
        String etag = archived.header("ETag").orElseThrow();

        Api.Response undone = api().post(
                        "/api/v1/operations/" + operation + "/restore",
                        ws.manager,
                        null,
                        "If-Match",
                        etag,
                        "Idempotency-Key",
                        "undo-1");

        assertEquals(200, undone.status(), undone::toString);
        JsonNode body = undone.json();
        assertEquals("restored", body.path("outcome").asText());
        assertEquals("restore", body.path("operation").path("kind").asText());
        assertEquals(2, body.path("operation").path("total").asLong());
        assertEquals(onboarding, body.path("record").path("id").asText());
        assertEquals("Onboarding", body.path("record").path("title").asText());
        assertEquals(0, body.path("left_archived").size());
        assertEquals(
                "\"" + body.path("record").path("version").asText() + "\"",
                undone.header("ETag").orElseThrow());
        assertFalse(ws.archived(step));

        Api.Response replayed = api().post(
                        "/api/v1/operations/" + operation + "/restore",
                        ws.manager,
                        null,
                        "If-Match",
                        etag,
                        "Idempotency-Key",
                        "undo-1");
        assertEquals(200, replayed.status());
        assertEquals("true", replayed.header("Idempotent-Replayed").orElseThrow());
        assertEquals(body, replayed.json());

        Api.Response again = api().post("/api/v1/operations/" + operation + "/restore", ws.manager, "{}");
        refused(again, 409, "NOT_ARCHIVED");
        assertEquals(List.of(), ids(list(ws, ws.admin, "restorable=true")));
    }

    @Test
    void undo_of_several_roots_is_one_restore_without_a_record_and_takes_no_if_match() {
        Workspace ws = journeys(workspace());
        String a = journey(ws, "A");
        String b = journey(ws, "B");
        Api.Response bulk = api().post("/api/v1/records/bulk/archive", ws.admin, Workspace.ids(List.of(a, b)));
        String operation = bulk.json().path("operations").get(0).path("id").asText();

        Api.Response withVersion =
                api().post("/api/v1/operations/" + operation + "/restore", ws.admin, null, "If-Match", "\"2\"");
        refused(withVersion, 412, "PRECONDITION_FAILED");

        Api.Response undone = api().post("/api/v1/operations/" + operation + "/restore", ws.admin, null);
        assertEquals(200, undone.status(), undone::toString);
        assertFalse(undone.json().has("record"));
        assertTrue(undone.header("ETag").isEmpty());
        assertEquals(2, undone.json().path("operation").path("roots").size());
        assertFalse(ws.archived(a));
        assertFalse(ws.archived(b));
    }

    @Test
    void undo_refuses_what_it_cannot_do_and_changes_nothing() {
        Workspace ws = journeys(workspace());
        String journey = journey(ws, "Onboarding");
        String step = ws.create("step", "{}", journey);
        Api.Response archived = ws.delete(journey);
        String operation = archived.json().path("operation").path("id").asText();
        String restore = "/api/v1/operations/" + operation + "/restore";

        Api.Response stale = api().post(restore, ws.admin, null, "If-Match", "\"1\"");
        refused(stale, 412, "PRECONDITION_FAILED");
        Api.Response member = api().post(restore, ws.member, null);
        refused(member, 403, "FORBIDDEN");
        Api.Response notTheirs = api().post(restore, ws.manager, null);
        assertEquals(403, notTheirs.status(), "a manager undoes only their own operations");
        assertFalse(notTheirs.text().contains("root-admin"));
        Api.Response elsewhere = api().post(restore, workspace().admin, null);
        refused(elsewhere, 404, "OPERATION_NOT_FOUND");
        assertEquals(400, api().post(restore, ws.admin, "{\"all\": true}").status());
        assertEquals(
                400, api().post("/api/v1/operations/42/restore", ws.admin, null).status());
        assertTrue(ws.archived(journey));
        assertTrue(ws.archived(step));

        String restoreOperation =
                ws.restore(journey).json().path("operation").path("id").asText();
        Api.Response notAnArchive = api().post("/api/v1/operations/" + restoreOperation + "/restore", ws.admin, null);
        refused(notAnArchive, 422, "NOT_AN_ARCHIVE_OPERATION");

        // R5 for each root: the step archived alone, then its journey; undoing the step's archive is refused.
        String stepOperation = archiveAs(ws, ws.admin, step);
        archiveAs(ws, ws.admin, journey);
        Api.Response parentArchived = api().post("/api/v1/operations/" + stepOperation + "/restore", ws.admin, null);
        refused(parentArchived, 409, "PARENT_ARCHIVED");
        assertEquals(journey, parentArchived.json().path("parents").get(0).asText());
        assertTrue(ws.archived(step));
    }

    @Test
    void r13_previews_name_the_first_records_of_each_type_and_a_purge_the_other_archives_it_destroys() {
        Workspace ws = journeys(workspace());
        String journey = journey(ws, "Onboarding");
        String early = ws.create("step", "{}", journey);
        ws.create("step", "{}", journey);
        String byLinus = archiveAs(ws, ws.manager, early);
        archiveAs(ws, ws.admin, journey);

        Api.Response preview = api().get("/api/v1/records/" + journey + "/preview?action=purge", ws.manager);

        assertEquals(200, preview.status(), preview::toString);
        JsonNode body = preview.json();
        assertEquals(1, body.path("counts").path("journey").asLong());
        assertEquals(2, body.path("counts").path("step").asLong());
        assertEquals(
                "Onboarding",
                body.path("records").path("journey").get(0).path("title").asText());
        assertEquals(2, body.path("records").path("step").size());
        JsonNode also = body.path("also_destroys");
        assertEquals(1, also.size(), also::toString);
        assertEquals(byLinus, also.get(0).path("operation").asText());
        assertEquals(1, also.get(0).path("count").asLong());

        Api.Response archive = api().get(
                        "/api/v1/records/" + ws.create("step", "{}", journey(ws, "Other")) + "/preview?action=archive",
                        ws.manager);
        assertEquals(200, archive.status(), archive::toString);
        assertEquals(0, archive.json().path("also_destroys").size());
        assertEquals(1, archive.json().path("records").path("step").size());
    }

    @Test
    void the_document_describes_both_routes_with_every_error_status() {
        JsonNode paths = document().path("paths");
        JsonNode list = paths.path("/api/v1/operations").path("get");
        assertEquals("listOperations", list.path("operationId").asText());
        assertEquals(Set.of("200", "400", "401", "403", "503"), keys(list.path("responses")));
        JsonNode restore = paths.path("/api/v1/operations/{id}/restore").path("post");
        assertEquals("restoreOperation", restore.path("operationId").asText());
        assertEquals(
                Set.of("200", "400", "401", "403", "404", "409", "412", "413", "415", "422", "503"),
                keys(restore.path("responses")));
        assertTrue(restore.path("responses")
                .path("422")
                .path("description")
                .asText()
                .contains("NOT_AN_ARCHIVE_OPERATION"));
    }

    private JsonNode document() {
        Api.Response served = api().get("/openapi.yml", null);
        assertEquals(200, served.status());
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(
                            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(served.text());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A refusal: its status and its problem's code. */
    private static void refused(Api.Response answer, int status, String code) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals(code, answer.code(), answer::toString);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
