package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R14 over HTTP: a cascade over archivist.lifecycle.max-cascade-records is a 422 LIMIT_EXCEEDED that
 * changes nothing, and its preview names the blocker with each member once.
 */
class CascadeLimitApiIT extends ApiTest {

    @Override
    Map<String, String> moreProperties() {
        return Map.of("archivist.lifecycle.max-cascade-records", "3");
    }

    @Test
    void r14_a_cascade_over_the_limit_is_refused_before_it_changes_anything_and_its_preview_says_so() {
        Workspace ws = workspace();
        ws.type("project", true);
        ws.type("task", true, "project");
        String project = ws.create("project", "{}");
        for (int i = 0; i < 3; i++) {
            ws.create("task", "{}", project);
        }

        Api.Response preview = api().get("/api/v1/records/" + project + "/preview?action=archive", ws.admin);
        assertEquals(200, preview.status());
        JsonNode blocker = preview.json().path("blockers").path(0);
        assertEquals("LIMIT_EXCEEDED", blocker.path("code").asText());
        assertEquals(4, blocker.path("total").asLong(), "the records the cascade would change");
        assertEquals(3, blocker.path("limit").asLong());
        assertFalse(preview.json().path("allowed").asBoolean(true));
        // A JSON parser keeps the last of two equal members, so count them in the text itself.
        assertEquals(
                2,
                preview.text().split("\"records\":", -1).length,
                "the blocker's records member once: " + preview.text());

        Api.Response refused = ws.delete(project);
        assertEquals(422, refused.status());
        assertEquals("LIMIT_EXCEEDED", refused.json().path("code").asText());
        assertEquals(200, api().get("/api/v1/records/" + project, ws.admin).status());
        assertEquals(
                "false",
                api().get("/api/v1/records/" + project, ws.admin)
                        .json()
                        .path("archived")
                        .asText(),
                "nothing changed");
    }
}
