package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md#finding over HTTP: the finding parameters of GET /records, their answers and their
 * refusals (each a 400 VALIDATION_FAILED naming the parameter, before anything is read). What each
 * filter finds on every store is the contract kit's FindContract.
 */
class FindApiIT extends ApiTest {

    @Test
    void q_key_archived_by_operation_and_newest_first_find_records_with_their_titles() {
        Workspace ws = workspace();
        ws.typeJson("journey", "{\"archivable\": true, \"title_attribute\": \"title\"}");
        ws.typeJson("step", "{\"archivable\": true, \"parents\": [\"journey\"], \"title_attribute\": \"title\"}");
        String onboarding = ws.create("journey", "{\"title\": \"Engineering Onboarding\"}");
        String step = ws.create("step", "{\"title\": \"Week 1: onboarding buddy\"}", onboarding);
        String offboarding = create(ws, "journey", "offboarding-2024", "{\"title\": \"Offboarding\"}");

        assertEquals(List.of(onboarding), ids(get(ws, "type=journey&q=ONBOARD")));
        assertEquals(List.of(onboarding, step), ids(get(ws, "q=onboarding")), "across types");
        assertEquals(List.of(offboarding), ids(get(ws, "key=offboarding-2024")));
        assertEquals(
                List.of("Engineering Onboarding", "Week 1: onboarding buddy"),
                titles(get(ws, "q=" + encode("onboarding"))));

        JsonNode archived = ws.delete(onboarding).json();
        String operation = archived.path("operation").path("id").asText();
        ws.delete(offboarding);
        assertEquals(List.of(onboarding, step), ids(get(ws, "archived=true&operation=" + operation)));
        assertEquals(List.of(onboarding, step, offboarding), ids(get(ws, "archived=true&archived_by=root-admin")));
        assertEquals(List.of(), ids(get(ws, "archived=true&archived_by=mia")));
        List<String> newestFirst = ids(get(ws, "archived=true&sort=-deleted_at&limit=1"));
        assertEquals(List.of(offboarding), newestFirst, "the last archived first");
        String deletedAt = ws.get(offboarding).path("deleted_at").asText();
        assertEquals(
                List.of(offboarding), ids(get(ws, "archived=true&archived_after=" + encode(deletedAt))), "at or after");
        assertEquals(
                List.of(onboarding, step),
                ids(get(ws, "archived=true&archived_before=" + encode(deletedAt))),
                "strictly before");
    }

    @Test
    void every_page_of_a_filter_follows_its_cursor_and_a_cursor_works_only_for_its_own_filter() {
        Workspace ws = workspace();
        ws.type("note", true);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notes.add(ws.create("note", "{\"text\": \"needle " + i + "\"}"));
            ws.delete(notes.get(i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = get(
                    ws,
                    "archived=true&q=needle&sort=-deleted_at&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(page));
            cursor = page.json().path("next_cursor").isNull()
                    ? null
                    : page.json().path("next_cursor").asText();
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(notes);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);

        String first = get(ws, "archived=true&q=needle&limit=2")
                .json()
                .path("next_cursor")
                .asText();
        assertEquals(
                200, get(ws, "archived=true&q=needle&limit=2&cursor=" + first).status());
        for (String other : List.of(
                "archived=true&q=needl&limit=2",
                "archived=true&q=needle&sort=-deleted_at&limit=2",
                "archived=true&limit=2",
                "archived=any&q=needle&limit=2")) {
            Api.Response refused = get(ws, other + "&cursor=" + first);
            assertEquals(400, refused.status(), other + " -> " + refused);
            assertEquals("VALIDATION_FAILED", refused.code());
            assertTrue(refused.json().path("detail").asText().contains("another filter or sort"), refused::toString);
        }
    }

    @Test
    void bad_finding_parameters_are_400_naming_what_is_wrong() {
        Workspace ws = workspace();
        ws.type("note", true);
        String longText = "x".repeat(256);
        for (String[] refused : new String[][] {
            {"key=not%20a%20key", "key"},
            {"key=" + longText, "key"},
            {"q=", "q"},
            {"q=" + longText, "q"},
            {"q=tab%09here", "q"},
            {"q=a&q=b", "twice"},
            {"archived_by=ada", "archived=true"},
            {"archived=any&archived_by=ada", "archived=true"},
            {"archived=true&archived_by=", "archived_by"},
            {"archived=true&archived_by=" + longText, "archived_by"},
            {"archived=true&archived_after=yesterday", "RFC 3339"},
            {"archived=true&archived_after=2025-03-01", "RFC 3339"},
            {"archived=true&archived_after=2025-03-01T09:00:00", "RFC 3339"},
            {"archived=true&archived_before=2025-03-01T09:00:00+01:00", "%2B"},
            {"archived=true&archived_after=1969-12-31T23:59:59Z", "archived_after"},
            {"archived=true&archived_after=2025-03-02T00:00:00Z&archived_before=2025-03-01T00:00:00Z", "earlier"},
            {"archived_after=2025-03-01T00:00:00Z", "archived=true"},
            {"archived=true&operation=nope", "operation id"},
            {"operation=0190a0d4-0000-7000-8000-000000000000", "archived=true"},
            {"sort=deleted_at", "sort"},
            {"sort=-deleted_at", "archived=true"},
            {"archived=any&sort=-deleted_at", "archived=true"}
        }) {
            Api.Response answer = get(ws, refused[0]);
            assertEquals(400, answer.status(), refused[0] + " -> " + answer);
            assertEquals("VALIDATION_FAILED", answer.code(), refused[0]);
            assertTrue(
                    answer.json().path("detail").asText().contains(refused[1]),
                    refused[0] + " should say " + refused[1] + ": " + answer);
        }
        for (String accepted : List.of(
                "q=" + encode("100% _done_ [x] ü"),
                "archived=true&archived_before=" + encode("2025-03-01T09:00:00+01:00"),
                "archived=true&archived_after=2025-03-01T09:00:00.123456Z",
                "archived=true&operation=0190a0d4-0000-7000-8000-000000000000&sort=-deleted_at",
                "archived=true&sort=id",
                "key=" + "k".repeat(255))) {
            Api.Response answer = get(ws, accepted);
            assertEquals(200, answer.status(), accepted + " -> " + answer);
            assertEquals(0, answer.json().path("items").size());
        }
    }

    private Api.Response get(Workspace ws, String query) {
        return api().get("/api/v1/records?" + query, ws.member);
    }

    private String create(Workspace ws, String type, String key, String attributes) {
        Api.Response created = api().post(
                        "/api/v1/records",
                        ws.admin,
                        "{\"type\": \"" + type + "\", \"key\": \"" + key + "\", \"attributes\": " + attributes + "}");
        assertEquals(201, created.status(), created::toString);
        return created.json().path("id").asText();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(Api.Response page) {
        assertEquals(200, page.status(), page::toString);
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static List<String> titles(Api.Response page) {
        List<String> titles = new ArrayList<>();
        page.json().path("items").forEach(item -> titles.add(item.path("title").asText()));
        return titles;
    }
}
