package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two settings of docs/operations.md#metrics that loosen the defaults: {@code archivist.metrics.public=true}
 * lets anyone read {@code /prometheus}, {@code archivist.metrics.workspace-label=true} labels the lifecycle meters
 * with the workspace.
 */
class MetricsSettingsApiIT extends ApiTest {

    @Override
    Map<String, String> moreProperties() {
        return Map.of("archivist.metrics.public", "true", "archivist.metrics.workspace-label", "true");
    }

    @Test
    void public_metrics_answer_without_a_token_and_a_workspace_label_names_the_workspace() {
        Workspace ws = workspace();
        ws.type("note", true);
        String note = ws.create("note", "{}");
        assertEquals(200, ws.delete(note).status());

        Scrape anonymous = Scrape.of(api(), null);

        assertEquals(
                1,
                anonymous.value(
                        "archivist_operations_total", "workspace", ws.name, "kind", "archive", "actor", "user"));
        assertEquals(1, anonymous.value("archivist_cascade_duration_seconds_count", "workspace", ws.name));
        assertEquals(200, api().get("/prometheus", ws.member).status(), "public: a token of any role reads it too");
    }
}
