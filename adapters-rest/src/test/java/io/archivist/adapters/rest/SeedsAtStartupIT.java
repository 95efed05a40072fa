package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md#seeds for deployments: the seeds of ARCHIVIST_SEED_PATHS are imported before the service serves. */
class SeedsAtStartupIT {

    private final Path data = Path.of("target", "test-data", "SeedsAtStartupTest-" + UUID.randomUUID());

    private Map<String, String> settings(String seedPaths) {
        Map<String, String> properties = RunningService.embedded(data);
        properties.put("archivist.seed.paths", seedPaths);
        return properties;
    }

    @Test
    void s5_the_configured_seeds_are_imported_at_start_up_and_again_at_the_next_start_change_nothing()
            throws IOException {
        Path extra = Files.createDirectories(data).resolve("extra.yaml");
        Files.writeString(
                extra, "workspace: demo\nrecords:\n  - {key: step-extra, type: step, parents: [journey-onboarding]}\n");
        String paths = SeedApiIT.EXAMPLE + ", " + extra;
        String admin = Tokens.of("ada", "demo", "ADMIN");
        String before;
        try (RunningService service = RunningService.start(settings(paths))) {
            Api.Response records = service.api().get("/api/v1/records?archived=any&limit=500", admin);
            assertEquals(18, records.json().path("items").size(), records::toString);
            before = records.text();
        }
        try (RunningService again = RunningService.start(settings(paths))) {
            assertEquals(
                    before,
                    again.api()
                            .get("/api/v1/records?archived=any&limit=500", admin)
                            .text());
        }
    }

    @Test
    void s5_a_seed_that_fails_stops_the_start_with_a_clear_message() throws IOException {
        Path broken = Files.createDirectories(data).resolve("broken.json");
        Files.writeString(broken, "{\"workspace\": \"demo\", \"records\": [{\"key\": \"x\", \"type\": \"widget\"}]}");

        String message = RunningService.refusalToStart(settings(broken.toString()));

        assertTrue(
                message.contains(
                        "The service does not start: the seed " + broken + " (ARCHIVIST_SEED_PATHS) was not imported"),
                message);
        assertTrue(message.contains("TYPE_NOT_FOUND"), message);
        assertTrue(RunningService.refusalToStart(
                        settings(data.resolve("missing.json").toString()))
                .contains("cannot be read"));
    }
}
