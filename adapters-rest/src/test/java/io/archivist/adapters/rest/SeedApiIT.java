package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * docs/lifecycle.md#seeds over HTTP, on the embedded H2 store (ApiTest): {@code POST /api/v1/seeds} imports the example seed,
 * and a restore over the API then restores exactly what the seed archived together.
 */
class SeedApiIT extends ApiTest {

    static final Path EXAMPLE = Path.of("..", "seeds", "example.json");

    @Test
    void s5_r5_a_seed_posted_imports_archived_sets_that_a_restore_over_the_api_brings_back_exactly() {
        String ws = freshWorkspace();
        String admin = Tokens.of("ada", ws, "ADMIN");

        Api.Response imported = api().post("/api/v1/seeds", admin, example(ws));

        assertEquals(200, imported.status(), imported::toString);
        JsonNode report = imported.json();
        assertEquals(17, report.path("records").asLong());
        assertEquals(
                6, report.path("records_per_type").path("task").path("created").asLong());
        assertEquals(4, report.path("object_types").path("created").asLong());
        assertEquals(4, report.path("operations_created").asLong());
        Map<String, JsonNode> records = records(admin);
        assertEquals("ada", records.get("journey-onboarding").path("created_by").asText(), "the caller is the actor");
        assertEquals(
                Set.of(
                        "user-linus",
                        "assign-linus-accounts",
                        "task-buddy-lunch",
                        "journey-offboarding-2024",
                        "step-offboarding-handover",
                        "task-return-laptop",
                        "task-exit-survey"),
                archivedKeys(admin));

        Api.Response restored = api().post(
                        "/api/v1/records/"
                                + records.get("journey-offboarding-2024")
                                        .path("id")
                                        .asText() + "/restore",
                        admin,
                        "{}");

        assertEquals(200, restored.status(), restored::toString);
        assertEquals(
                Map.of("journey", 1L, "step", 1L, "task", 1L),
                counts(restored.json().path("operation")));
        assertEquals(
                Set.of("user-linus", "assign-linus-accounts", "task-buddy-lunch", "task-exit-survey"),
                archivedKeys(admin),
                "the exit survey was archived on its own, earlier");
    }

    @Test
    void s5_posting_the_same_seed_again_changes_nothing() {
        String ws = freshWorkspace();
        String admin = Tokens.of("ada", ws, "SUPER_ADMIN");
        assertEquals(200, api().post("/api/v1/seeds", admin, example(ws)).status());
        Map<String, JsonNode> before = records(admin);

        Api.Response again =
                api().post("/api/v1/seeds", admin, example(ws).replace("\"workspace\": \"" + ws + "\",", ""));

        assertEquals(200, again.status(), again::toString);
        assertEquals(
                17,
                again.json().path("records_per_type").findValues("unchanged").stream()
                        .mapToLong(JsonNode::asLong)
                        .sum());
        assertEquals(before, records(admin), "same ids, same versions");
    }

    @Test
    void s5_a_refused_seed_is_a_400_problem_naming_each_records_key_and_position_and_nothing_is_imported() {
        String ws = freshWorkspace();
        String admin = Tokens.of("ada", ws, "ADMIN");
        String seed = "{\"object_types\": [{\"name\": \"journey\", \"archivable\": true}],\n \"records\": [\n"
                + "{\"key\": \"j1\", \"type\": \"journey\"},\n"
                + "{\"key\": \"x1\", \"type\": \"widget\", \"id\": \"f00\"}\n]}";

        Api.Response refused = api().post("/api/v1/seeds", admin, seed);

        assertEquals(400, refused.status(), refused::toString);
        assertEquals("VALIDATION_FAILED", refused.code());
        assertEquals(2, refused.json().path("error_count").asLong());
        JsonNode first = refused.json().path("errors").path(0);
        assertEquals("READ_ONLY_FIELD", first.path("code").asText());
        assertEquals("x1", first.path("key").asText());
        assertEquals(4, first.path("line").asLong());
        assertEquals("/records/1", first.path("pointer").asText());
        assertEquals(
                "TYPE_NOT_FOUND",
                refused.json().path("errors").path(1).path("code").asText());
        assertEquals(
                0, api().get("/api/v1/object-types", admin).json().path("items").size() - 1, "only the built-in user");
        assertEquals(Map.of(), records(admin));
    }

    @Test
    void s5_over_the_api_the_seeds_workspace_must_be_the_tokens() {
        String admin = Tokens.of("ada", freshWorkspace(), "ADMIN");

        Api.Response refused = api().post("/api/v1/seeds", admin, example("someone-else"));

        assertEquals(400, refused.status(), refused::toString);
        assertEquals(
                "WORKSPACE_MISMATCH",
                refused.json().path("errors").path(0).path("code").asText());
    }

    @Test
    void s3_only_admins_import_seeds() {
        String ws = freshWorkspace();
        for (String role : new String[] {"MEMBER", "JOURNEY_MANAGER"}) {
            Api.Response refused = api().post("/api/v1/seeds", Tokens.of("mo", ws, role), example(ws));
            assertEquals(403, refused.status(), refused::toString);
            assertEquals("FORBIDDEN", refused.code());
        }
        assertEquals(401, api().post("/api/v1/seeds", null, example(ws)).status());
        assertEquals(Map.of(), records(Tokens.of("ada", ws, "ADMIN")));
    }

    @Test
    void s5_a_dry_run_reports_and_writes_nothing_and_yaml_and_json_lines_bodies_import() {
        String ws = freshWorkspace();
        String admin = Tokens.of("ada", ws, "ADMIN");
        String yaml = """
                object_types:
                  - {name: journey, archivable: true, unique: [slug]}
                records:
                  - {key: j1, type: journey, attributes: {slug: onboarding}}
                  - {key: j2, type: journey, attributes: {slug: old}, deleted_at: 2024-03-01T10:00:00Z}
                """;

        Api.Response dry = api().post("/api/v1/seeds?dry_run=true", admin, yaml, "Content-Type", "application/yaml");

        assertEquals(200, dry.status(), dry::toString);
        assertTrue(dry.json().path("dry_run").asBoolean());
        assertEquals(
                2,
                dry.json()
                        .path("records_per_type")
                        .path("journey")
                        .path("created")
                        .asLong());
        assertEquals(Map.of(), records(admin));
        assertEquals(
                200,
                api().post("/api/v1/seeds", admin, yaml, "Content-Type", "application/yaml")
                        .status());
        String jsonLines = "{\"key\": \"j3\", \"type\": \"journey\", \"attributes\": {\"slug\": \"three\"}}\n";
        Api.Response lines = api().post("/api/v1/seeds", admin, jsonLines, "Content-Type", "application/x-ndjson");
        assertEquals(200, lines.status(), lines::toString);
        assertEquals(Set.of("j1", "j2", "j3"), records(admin).keySet());
        assertEquals(
                415,
                api().post("/api/v1/seeds", admin, "a,b", "Content-Type", "text/csv")
                        .status());
    }

    @Test
    void a_seed_body_over_the_request_size_limit_is_a_413_and_imports_nothing() {
        String ws = freshWorkspace();
        String admin = Tokens.of("ada", ws, "ADMIN");
        StringBuilder lines = new StringBuilder();
        for (int n = 0; lines.length() < 1_100_000; n++) {
            lines.append("{\"key\": \"u")
                    .append(n)
                    .append("\", \"type\": \"user\", \"attributes\": {\"username\": \"user-")
                    .append(n)
                    .append("\", \"about\": \"")
                    .append("x".repeat(200))
                    .append("\"}}\n");
        }

        Api.Response tooBig =
                api().post("/api/v1/seeds", admin, lines.toString(), "Content-Type", "application/x-ndjson");

        assertEquals(413, tooBig.status(), tooBig::toString);
        assertEquals(Map.of(), records(admin));
    }

    @Test
    void malformed_seed_bodies_are_400_problems_never_a_500() {
        String admin = Tokens.of("ada", freshWorkspace(), "ADMIN");
        for (String body : new String[] {
            "",
            "{",
            "[]",
            "null",
            "{\"records\": {\"$ne\": null}}",
            "{\"records\": [" + "[".repeat(5_000) + "]}",
            "{\"records\": [{\"key\": \"a\", \"type\": {\"$gt\": \"\"}}]}"
        }) {
            Api.Response refused = api().post("/api/v1/seeds", admin, body);
            assertEquals(400, refused.status(), body + " -> " + refused);
            assertEquals("VALIDATION_FAILED", refused.code());
            assertTrue(!refused.text().contains("\tat ") && !refused.text().contains("Exception"), refused::toString);
        }
        Api.Response yaml = api().post(
                        "/api/v1/seeds",
                        admin,
                        "records: [\n  - &a {key: x}\n  - *a\n]",
                        "Content-Type",
                        "application/yaml");
        assertEquals(400, yaml.status(), yaml::toString);
    }

    @Test
    void r10_a_seed_posted_again_with_its_idempotency_key_is_answered_not_imported_again() {
        String ws = freshWorkspace();
        String admin = Tokens.of("ada", ws, "ADMIN");
        Api.Response first = api().post("/api/v1/seeds", admin, example(ws), "Idempotency-Key", "seed-1");
        Api.Response repeat = api().post("/api/v1/seeds", admin, example(ws), "Idempotency-Key", "seed-1");

        assertEquals(first.text(), repeat.text(), "the first report, not an 'unchanged' one");
        assertEquals("true", repeat.header("Idempotent-Replayed").orElse(""));
    }

    private static String freshWorkspace() {
        return "seed-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String example(String workspace) {
        try {
            return Files.readString(EXAMPLE).replace("\"workspace\": \"demo\"", "\"workspace\": \"" + workspace + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of the token's workspace, archived or not, by key. */
    private Map<String, JsonNode> records(String token) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        Api.Response page = api().get("/api/v1/records?archived=any&limit=500", token);
        assertEquals(200, page.status(), page::toString);
        page.json().path("items").forEach(record -> byKey.put(record.path("key").asText(), record));
        return byKey;
    }

    private Set<String> archivedKeys(String token) {
        Set<String> keys = new TreeSet<>();
        api().get("/api/v1/records?archived=true&limit=500", token)
                .json()
                .path("items")
                .forEach(record -> keys.add(record.path("key").asText()));
        return keys;
    }

    private static Map<String, Long> counts(JsonNode operation) {
        Map<String, Long> counts = new TreeMap<>();
        operation
                .path("counts")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }
}
