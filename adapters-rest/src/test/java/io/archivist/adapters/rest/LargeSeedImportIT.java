package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.adapters.rest.cli.ArchivistCommand;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docs/lifecycle.md#seeds, issue 7: a 200,000-record JSON Lines seed imports through {@code seed import} in a JVM
 * limited to {@code -Xmx256m}, on the embedded H2 store. A separate JVM, because only there the heap
 * limit proves the import streams (constant memory) rather than holding the seed.
 */
class LargeSeedImportIT {

    static final int JOURNEYS = 2_000;
    static final int STEPS = 9;
    static final int TASKS = 10;
    static final int RECORDS = JOURNEYS * (1 + STEPS * (1 + TASKS));

    private final Path dir = Path.of("target", "test-data", "LargeSeedImportTest-" + UUID.randomUUID());

    @Test
    void s5_a_200000_record_json_lines_seed_imports_with_a_256_megabyte_heap() throws Exception {
        Path seed = write(Files.createDirectories(dir).resolve("large.jsonl"));
        Path output = dir.resolve("output.txt");

        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-Darchivist.data-dir=" + dir.resolve("data"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ArchivistCommand.class.getName(),
                        "seed",
                        "import",
                        seed.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }

        String printed = Files.readString(output);
        System.out.println(printed);
        assertTrue(done, "the import took more than 10 minutes");
        assertEquals(0, process.exitValue(), printed);
        assertTrue(printed.contains("(" + String.format("%,d", RECORDS) + " records, "), printed);
        assertTrue(printed.contains("task: " + String.format("%,d", JOURNEYS * STEPS * TASKS) + " created"), printed);
        assertTrue(printed.contains("archive operations created: " + 2 * JOURNEYS / 20), printed);
    }

    /**
     * Journeys with steps and tasks; every 20th journey is archived with its whole subtree (one
     * operation), and one of its tasks was archived earlier, on its own (another).
     */
    static Path write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(
                    "{\"workspace\": \"large\", \"object_types\": ["
                            + "{\"name\": \"journey\", \"archivable\": true, \"unique\": [\"slug\"]},"
                            + "{\"name\": \"step\", \"archivable\": true, \"parents\": [\"journey\"]},"
                            + "{\"name\": \"task\", \"archivable\": true, \"parents\": [\"step\"], \"unique\": [\"code\"]}]}\n");
            for (int j = 0; j < JOURNEYS; j++) {
                String archived = j % 20 == 0 ? ", \"deleted_at\": \"2025-02-01T10:00:00Z\"" : "";
                out.write("{\"key\": \"j" + j + "\", \"type\": \"journey\", \"attributes\": {\"slug\": \"journey-" + j
                        + "\", \"title\": \"Journey number " + j + "\", \"weeks\": " + (j % 6 + 1) + "}" + archived
                        + "}\n");
                for (int s = 0; s < STEPS; s++) {
                    String step = "j" + j + "-s" + s;
                    out.write("{\"key\": \"" + step + "\", \"type\": \"step\", \"parents\": [\"j" + j + "\"],"
                            + " \"attributes\": {\"title\": \"Step " + s + "\", \"position\": " + s + "}" + archived
                            + "}\n");
                    for (int t = 0; t < TASKS; t++) {
                        String taskArchived = !archived.isEmpty() && s == 0 && t == 0
                                ? ", \"deleted_at\": \"2025-01-20T16:30:00Z\""
                                : archived;
                        out.write("{\"key\": \"" + step + "-t" + t + "\", \"type\": \"task\", \"parents\": [\"" + step
                                + "\"], \"attributes\": {\"code\": \"T-" + j + "-" + s + "-" + t
                                + "\", \"title\": \"Task "
                                + t + " of step " + s + "\", \"due_in_days\": " + (t + 1) + ", \"done\": false}"
                                + taskArchived + "}\n");
                    }
                }
            }
        }
        return file;
    }
}
