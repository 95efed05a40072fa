package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.adapters.rest.cli.ArchivistCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/lifecycle.md#seeds from the command line: {@code seed import FILE [--dry-run]} on the embedded H2 store. */
class SeedCliIT {

    private final Path data = Path.of("target", "test-data", "SeedCliTest-" + UUID.randomUUID());
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        System.setProperty("archivist.data-dir", data.toString());
        CommandLine commandLine = new CommandLine(new ArchivistCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @AfterEach
    void clear() {
        System.clearProperty("archivist.data-dir");
    }

    @Test
    void s5_seed_import_loads_the_example_and_again_changes_nothing_and_a_dry_run_writes_nothing() {
        String example = SeedApiIT.EXAMPLE.toString();

        assertEquals(0, run("seed", "import", "--dry-run", example), err::toString);
        assertTrue(out.toString().contains("Dry run of " + example), out::toString);
        assertTrue(out.toString().contains("task: 6 created, 0 updated, 0 unchanged"), out::toString);

        assertEquals(0, run("seed", "import", example), err::toString);
        assertTrue(out.toString().contains("Imported " + example + " into workspace demo"), out::toString);
        assertTrue(
                out.toString().contains("task: 6 created, 0 updated, 0 unchanged"),
                () -> "the dry run wrote nothing: " + out);
        assertTrue(out.toString().contains("archive operations created: 4"), out::toString);
        assertTrue(err.toString().contains("records/s"), err::toString);

        assertEquals(0, run("seed", "import", example), err::toString);
        assertTrue(out.toString().contains("task: 0 created, 0 updated, 6 unchanged"), out::toString);
    }

    @Test
    void s5_a_refused_seed_exits_non_zero_with_each_error_and_its_position() throws IOException {
        Path seed = Files.createDirectories(data).resolve("broken.jsonl");
        Files.writeString(seed, """
                {"workspace": "acme", "object_types": [{"name": "journey", "archivable": true}]}
                {"key": "j1", "type": "journey"}
                {"key": "s1", "type": "step", "parents": ["j1"]}
                {"key": "j1", "type": "journey"}
                """);

        assertEquals(1, run("seed", "import", seed.toString()));

        assertTrue(err.toString().contains("has 2 errors"), err::toString);
        assertTrue(err.toString().contains("line 3 [s1] TYPE_NOT_FOUND"), err::toString);
        assertTrue(err.toString().contains("line 4 [j1] DUPLICATE_KEY"), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void seed_import_refuses_a_file_it_cannot_read_or_whose_format_it_cannot_tell() throws IOException {
        assertEquals(2, run("seed", "import", data.resolve("missing.json").toString()));
        assertTrue(err.toString().contains("cannot read"), err::toString);
        Path text = Files.createDirectories(data).resolve("seed.txt");
        Files.writeString(text, "{}");
        assertEquals(2, run("seed", "import", text.toString()));
        assertTrue(err.toString().contains("--format"), err::toString);
        assertEquals(2, run("seed"), "a subcommand is needed");
    }

    @Test
    void seed_import_while_a_service_holds_the_embedded_database_says_so_in_one_sentence() throws Exception {
        Path log = Files.createDirectories(data).resolve("stdout.txt");
        Path errors = data.resolve("stderr.txt");
        try (RunningService service = RunningService.start(Map.of(
                "archivist.data-dir",
                data.toString(),
                "archivist.retention.enabled",
                "false",
                "micronaut.server.port",
                "-1"))) {
            // Another process: within one JVM, H2 shares the open database instead of refusing it.
            Process seedImport = new ProcessBuilder(ServiceProcess.archivist(
                            List.of("-Darchivist.data-dir=" + data), "seed", "import", SeedApiIT.EXAMPLE.toString()))
                    .redirectOutput(log.toFile())
                    .redirectError(errors.toFile())
                    .start();
            assertTrue(seedImport.waitFor(2, TimeUnit.MINUTES), "the import neither ended nor failed");
            String said = Files.readString(errors);
            String logged = Files.readString(log);
            assertEquals(1, seedImport.exitValue(), said + logged);
            assertEquals(1, said.lines().count(), () -> "one sentence: " + said);
            assertTrue(said.contains("in use by another process"), said);
            assertTrue(said.contains("stop it first"), said);
            assertFalse((said + logged).contains("\tat "), () -> "no stack trace: " + said + logged);
            assertTrue(service.isRunning());
        }
    }
}
