package io.archivist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark command (bench/run). Runs each group of scenarios in a forked JVM with its own heap
 * limit (or all in this JVM with --in-process), prints the table and writes BENCHMARKS.md.
 * A forked JVM is started with {@code --group NAME --results FILE} and writes its result lines there.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        // Before anything logs: the REST module's jar brings a logback.xml of its own.
        System.setProperty("logback.configurationFile", "bench-logback.xml");
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int group = rest.indexOf("--group");
        if (group >= 0) {
            child(rest, group);
            return;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.print(Options.USAGE);
            return;
        }
        Report.Run run = run(Options.parse(rest));
        System.out.println();
        System.out.print(ResultTable.console(run.results()));
        run.failures().forEach(failure -> System.out.println("FAILED: " + failure));
        if (run.options().out().isPresent()) {
            Report.write(run.options().out().get(), run);
            System.out.println("\nwritten to " + run.options().out().get());
        }
        System.exit(run.failures().isEmpty() ? 0 : 1);
    }

    /** Runs every group the options ask for; a group that fails is reported, the others still run. */
    static Report.Run run(Options options) throws Exception {
        List<Result> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Group group : Group.needed(options)) {
            Log.info(
                    "group %s (%s)%s",
                    group, group.of(options), options.fork() ? ", forked with -Xmx" + group.heap : "");
            try {
                results.addAll(options.fork() ? forked(group, options) : Groups.run(group, options));
            } catch (Exception | Error e) {
                if (!options.fork()) {
                    throw e;
                }
                failures.add(group + " " + group.of(options) + ": " + e.getMessage());
            }
        }
        return new Report.Run(
                options, results, failures, Machine.current(), databaseVersion(options), ZonedDateTime.now());
    }

    private static List<Result> forked(Group group, Options options) throws IOException, InterruptedException {
        Path results = Files.createTempFile("archivist-bench-" + group.name().toLowerCase(), ".tsv");
        try {
            List<String> command = new ArrayList<>(List.of(
                    javaBinary(),
                    "-Xmx" + group.heap,
                    "-XX:+ExitOnOutOfMemoryError",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Benchmarks.class.getName(),
                    "--group",
                    group.name(),
                    "--results",
                    results.toString()));
            command.addAll(options.toArgs());
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the forked JVM (-Xmx" + group.heap + ") exited with " + exit
                        + (exit == 3 ? ": out of memory" : "; see its output above"));
            }
            return Files.readAllLines(results).stream()
                    .filter(line -> !line.isBlank())
                    .map(Result::fromLine)
                    .toList();
        } finally {
            Files.deleteIfExists(results);
        }
    }

    private static void child(List<String> args, int at) throws Exception {
        Group group = Group.valueOf(args.get(at + 1));
        args.subList(at, at + 2).clear();
        int resultsAt = args.indexOf("--results");
        Path out = Path.of(args.get(resultsAt + 1));
        args.subList(resultsAt, resultsAt + 2).clear();
        Options options = Options.parse(args);
        List<Result> results = Groups.run(group, options);
        Files.write(out, results.stream().map(Result::toLine).toList());
        // Micronaut's and Mongo's non-daemon threads must not keep the JVM alive.
        System.exit(0);
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static String databaseVersion(Options options) {
        try (var c = java.sql.DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword());
                var s = c.createStatement();
                var rows = s.executeQuery("SHOW server_version")) {
            rows.next();
            return "PostgreSQL " + rows.getString(1);
        } catch (SQLException e) {
            return "PostgreSQL (unreachable: " + e.getMessage() + ")";
        }
    }
}
