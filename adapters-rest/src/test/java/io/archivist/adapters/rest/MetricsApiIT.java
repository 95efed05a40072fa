package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.PurgeExpiredUseCase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md#metrics on the embedded default store: {@code GET /prometheus} after known work counts it
 * (operations and records per kind, cascades, turns, replays, seeds, retention purges, HTTP timings, the pool),
 * reads only with a SUPER_ADMIN token, and names no workspace, record, type or user in any label.
 */
class MetricsApiIT extends ApiTest {

    private static final String KEY = "Idempotency-Key";

    @Test
    void the_metrics_count_operations_records_cascades_turns_replays_seeds_and_retention_purges() throws Exception {
        Workspace ws = workspace();
        String reader = superAdmin(ws);
        Scrape before = Scrape.of(api(), reader);

        ws.type("mproject", true);
        ws.typeJson("mtask", "{\"archivable\": true, \"parents\": [\"mproject\"], \"retention\": \"PT1S\"}");
        String project = ws.create("mproject", "{}");
        List<String> tasks = List.of(
                ws.create("mtask", "{}", project),
                ws.create("mtask", "{}", project),
                ws.create("mtask", "{}", project));
        assertEquals(200, ws.delete(project).status(), "archives the project and its 3 tasks");
        assertEquals(200, ws.restore(project).status(), "restores the 4");
        Api.Response first = api().delete("/api/v1/records/" + tasks.get(0), ws.admin, KEY, "metrics-1");
        Api.Response again = api().delete("/api/v1/records/" + tasks.get(0), ws.admin, KEY, "metrics-1");
        assertEquals(200, first.status(), first::toString);
        assertEquals("true", again.header("Idempotent-Replayed").orElseThrow(), "the second is a replay");
        String seed = "{\"workspace\": \"" + ws.name + "\", \"object_types\": [{\"name\": \"mseeded\", \"archivable\":"
                + " true}], \"records\": [{\"key\": \"s1\", \"type\": \"mseeded\"}, {\"key\": \"s2\", \"type\":"
                + " \"mseeded\"}, {\"key\": \"s3\", \"type\": \"mseeded\"}]}";
        Api.Response imported = api().post("/api/v1/seeds", ws.admin, seed);
        assertEquals(200, imported.status(), imported::toString);
        Thread.sleep(1_100); // the archived task's retention (PT1S) passes
        long purgedByRetention = bean(PurgeExpiredUseCase.class).purgeExpired().operations().stream()
                .filter(operation -> operation.workspace().value().equals(ws.name))
                .count();
        assertEquals(1, purgedByRetention);

        Scrape after = Scrape.of(api(), reader);
        String operations = "archivist_operations_total";
        String records = "archivist_operation_records_total";
        assertEquals(2, after.since(before, operations, "kind", "archive", "actor", "user"));
        assertEquals(5, after.since(before, records, "kind", "archive", "actor", "user"));
        assertEquals(1, after.since(before, operations, "kind", "restore", "actor", "user"));
        assertEquals(4, after.since(before, records, "kind", "restore", "actor", "user"));
        assertEquals(1, after.since(before, operations, "kind", "purge", "actor", "system"), "the retention purge");
        assertEquals(1, after.since(before, records, "kind", "purge", "actor", "system"));
        assertEquals(2, after.since(before, "archivist_cascade_duration_seconds_count", "kind", "archive"));
        assertEquals(1, after.since(before, "archivist_cascade_duration_seconds_count", "kind", "restore"));
        assertEquals(
                2,
                after.since(before, "archivist_cascade_duration_seconds_bucket", "kind", "archive", "le", "+Inf"),
                "cascade durations are a histogram");
        assertEquals(1, after.since(before, "archivist_idempotency_replays_total"));
        assertEquals(1, after.since(before, "archivist_seed_import_seconds_count"));
        assertEquals(3, after.since(before, "archivist_seed_records_total"));
        // Every write took its workspace's turn once: 2 types, 4 records, archive, restore, the keyed delete, its
        // replay, the seed and the retention purge.
        assertEquals(12, after.since(before, "archivist_workspace_turn_wait_seconds_count", "outcome", "granted"));
        assertEquals(0, after.since(before, "archivist_workspace_turn_wait_seconds_count", "outcome", "refused"));
        assertEquals(
                3,
                after.since(
                        before,
                        "http_server_requests_seconds_count",
                        "method",
                        "DELETE",
                        "status",
                        "200",
                        "uri",
                        "/api/v1/records/{id}"),
                "HTTP timings per route template: the archive, the keyed delete and its replay");
        assertTrue(after.has("http_server_requests_seconds_bucket", "uri", "/api/v1/records/{id}", "le", "0.1"));
        assertTrue(after.value("hikaricp_connections_max", "pool", poolName()) > 0, "the pool's use");

        List<String> workValues = List.of(ws.name, project, tasks.get(0), "mproject", "mtask", "mseeded", "root-admin");
        for (String value : workValues) {
            assertFalse(after.text().contains(value), "'" + value + "' in the metrics");
        }
    }

    @Test
    void only_a_super_admin_token_reads_the_metrics() {
        Workspace ws = workspace();
        Api.Response anonymous = api().get("/prometheus", null);
        assertEquals(401, anonymous.status(), anonymous::toString);
        assertEquals("UNAUTHORIZED", anonymous.code());
        for (String token : List.of(ws.admin, ws.manager, ws.member)) {
            Api.Response refused = api().get("/prometheus", token);
            assertEquals(403, refused.status(), refused::toString);
            assertEquals("FORBIDDEN", refused.code());
            assertFalse(refused.text().contains("archivist_"), "a refusal shows no metric");
        }
        Api.Response read = api().get("/prometheus", superAdmin(ws));
        assertEquals(200, read.status(), read::toString);
        assertTrue(read.text().contains("# TYPE jvm_memory_used_bytes gauge"), read.text());
    }

    static String superAdmin(Workspace ws) {
        return Tokens.of("metrics-reader", ws.name, "SUPER_ADMIN");
    }
}
