package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/lifecycle.md#seeds from the command line: {@code seed import FILE [--dry-run]} on the embedded H2 store. */
class SeedCliIT {

    private final Path data = Path.of("target", "test-data", "SeedCliTest-" + UUID.randomUUID());

    @RegisterExtension
    final CommandLineHarness cli = new CommandLineHarness();

    private int run(String... args) {
        return cli.run(data, args);
    }

    @Test
    void s5_seed_import_loads_the_example_and_again_changes_nothing_and_a_dry_run_writes_nothing() {
        String example = SeedApiIT.EXAMPLE.toString();

        assertEquals(0, run("seed", "import", "--dry-run", example), cli::err);
        assertTrue(cli.out().contains("Dry run of " + example), cli::out);
        assertTrue(cli.out().contains("task: 6 created, 0 updated, 0 unchanged"), cli::out);

        assertEquals(0, run("seed", "import", example), cli::err);
        assertTrue(cli.out().contains("Imported " + example + " into workspace demo"), cli::out);
        assertTrue(
                cli.out().contains("task: 6 created, 0 updated, 0 unchanged"),
                () -> "the dry run wrote nothing: " + cli.out());
        assertTrue(cli.out().contains("archive operations created: 4"), cli::out);
        assertTrue(cli.err().contains("records/s"), cli::err);

        assertEquals(0, run("seed", "import", example), cli::err);
        assertTrue(cli.out().contains("task: 0 created, 0 updated, 6 unchanged"), cli::out);
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

        assertTrue(cli.err().contains("has 2 errors"), cli::err);
        assertTrue(cli.err().contains("line 3 [s1] TYPE_NOT_FOUND"), cli::err);
        assertTrue(cli.err().contains("line 4 [j1] DUPLICATE_KEY"), cli::err);
        assertEquals("", cli.out());
    }

    @Test
    void seed_import_refuses_a_file_it_cannot_read_or_whose_format_it_cannot_tell() throws IOException {
        assertEquals(2, run("seed", "import", data.resolve("missing.json").toString()));
        assertTrue(cli.err().contains("cannot read"), cli::err);
        Path text = Files.createDirectories(data).resolve("seed.txt");
        Files.writeString(text, "{}");
        assertEquals(2, run("seed", "import", text.toString()));
        assertTrue(cli.err().contains("--format"), cli::err);
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
