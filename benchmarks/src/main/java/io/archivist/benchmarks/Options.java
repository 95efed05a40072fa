package io.archivist.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What to run and how big. The defaults are docs/quality.md's sizes; {@code --small} is the seconds-long
 * run CI makes so that the benchmark never rots. Every option is {@code --name value}.
 */
record Options(
        Set<Scenario> scenarios,
        long subtree,
        long seed,
        long listing,
        long find,
        long operations,
        long requests,
        long mongoSubtree,
        long neighbour,
        long neighbourH2,
        long neighbourRequests,
        int repetitions,
        long memoryCheck,
        String pgUrl,
        String pgUser,
        String pgPassword,
        String pgAfterMigration,
        Optional<Path> out,
        boolean fork,
        boolean warmUp) {

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/archivist_bench";

    static Options defaults() {
        return new Options(
                EnumSet.allOf(Scenario.class),
                100_000,
                200_000,
                1_000_000,
                1_000_000,
                1_000_000,
                10_000,
                100_000,
                100_000,
                20_000,
                600,
                3,
                1_000_000,
                env("ARCHIVIST_BENCH_PG_URL", DEFAULT_PG_URL),
                env("ARCHIVIST_BENCH_PG_USER", "postgres"),
                env("ARCHIVIST_BENCH_PG_PASSWORD", ""),
                "",
                Optional.of(Path.of("BENCHMARKS.md")),
                true,
                true);
    }

    /** Seconds, not minutes: every scenario runs once and produces a ratio; the speed means nothing. */
    static Options small() {
        Options d = defaults();
        return new Options(
                d.scenarios,
                500,
                500,
                2_000,
                5_000,
                20_000,
                200,
                300,
                300,
                300,
                30,
                1,
                0,
                d.pgUrl,
                d.pgUser,
                d.pgPassword,
                d.pgAfterMigration,
                Optional.empty(),
                false,
                false);
    }

    static final String USAGE = """
            bench/run [options]            docs/quality.md's scenarios P1-P9 against their baselines
              --small                      tiny sizes, seconds long (what CI runs); no BENCHMARKS.md unless --out
              --scenarios P1,P5,...        only these (default: all)
              --subtree N                  P1-P3: records in the archived subtree (100000)
              --seed N                     P4: records in the imported seed (200000)
              --listing N                  P5: records of the listed type, half archived (1000000)
              --find N                     P9: records of the type searched with q= (1000000)
              --operations N               P9: operations in the log paged with restorable=true (1000000)
              --requests N                 P6: requests per measured round, over 2 client threads (10000)
              --mongo-subtree N            P7: records in the subtree on the Mongo store (100000)
              --neighbour N                P8: records in workspace A's subtree on PostgreSQL (100000)
              --neighbour-h2 N             P8: the same on the embedded H2 default (20000)
              --neighbour-requests N       P8: workspace B's requests when alone (600)
              --repetitions N              timed repetitions of each side; the median is reported (3);
                                           P8: A's archive+restore cycles under each load
              --memory-check N             then P1-P4 at N records under -Xmx256m; 0 skips it (1000000)
              --pg-url URL --pg-user U --pg-password P   the PostgreSQL database (archivist_bench on 127.0.0.1);
                                           P8's second service uses the database of the same name + _control
              --pg-after-migration FILE    SQL run on that database each time the store has created its
                                           schema there (on Citus: docs/citus.md's distribute.sql)
              --out FILE                   where the Markdown report goes (BENCHMARKS.md); --out - for none
              --in-process                 run the scenarios in this JVM instead of forked JVMs with -Xmx256m
              --no-warm-up                 skip the untimed warm-up round before each scenario
            """;

    static Options parse(List<String> args) {
        List<String> rest = new ArrayList<>(args);
        Options o = rest.remove("--small") ? small() : defaults();
        boolean inProcess = rest.remove("--in-process");
        boolean noWarmUp = rest.remove("--no-warm-up");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < rest.size(); i += 2) {
            String name = rest.get(i);
            if (!name.startsWith("--") || i + 1 >= rest.size()) {
                throw new IllegalArgumentException("expected --option value, got '" + name + "'\n" + USAGE);
            }
            values.put(name.substring(2), rest.get(i + 1));
        }
        Set<Scenario> scenarios = o.scenarios;
        if (values.containsKey("scenarios")) {
            scenarios = EnumSet.noneOf(Scenario.class);
            for (String name : values.remove("scenarios").split(",")) {
                scenarios.add(Scenario.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            }
        }
        Optional<Path> out = o.out;
        if (values.containsKey("out")) {
            String file = values.remove("out");
            out = file.equals("-") ? Optional.empty() : Optional.of(Path.of(file));
        }
        Options parsed = new Options(
                scenarios,
                number(values, "subtree", o.subtree),
                number(values, "seed", o.seed),
                number(values, "listing", o.listing),
                number(values, "find", o.find),
                number(values, "operations", o.operations),
                number(values, "requests", o.requests),
                number(values, "mongo-subtree", o.mongoSubtree),
                number(values, "neighbour", o.neighbour),
                number(values, "neighbour-h2", o.neighbourH2),
                number(values, "neighbour-requests", o.neighbourRequests),
                (int) number(values, "repetitions", o.repetitions),
                number(values, "memory-check", o.memoryCheck),
                text(values, "pg-url", o.pgUrl),
                text(values, "pg-user", o.pgUser),
                text(values, "pg-password", o.pgPassword),
                text(values, "pg-after-migration", o.pgAfterMigration),
                out,
                o.fork && !inProcess,
                o.warmUp && !noWarmUp);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet() + "\n" + USAGE);
        }
        return parsed;
    }

    /** The arguments that make a forked scenario JVM run exactly these options. */
    List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(
                "--scenarios",
                String.join(",", scenarios.stream().map(Enum::name).toList()),
                "--subtree",
                Long.toString(subtree),
                "--seed",
                Long.toString(seed),
                "--listing",
                Long.toString(listing),
                "--find",
                Long.toString(find),
                "--operations",
                Long.toString(operations),
                "--requests",
                Long.toString(requests),
                "--mongo-subtree",
                Long.toString(mongoSubtree),
                "--neighbour",
                Long.toString(neighbour),
                "--neighbour-h2",
                Long.toString(neighbourH2),
                "--neighbour-requests",
                Long.toString(neighbourRequests),
                "--repetitions",
                Integer.toString(repetitions),
                "--memory-check",
                Long.toString(memoryCheck),
                "--pg-url",
                pgUrl,
                "--pg-user",
                pgUser,
                "--pg-password",
                pgPassword,
                "--out",
                "-"));
        if (!pgAfterMigration.isEmpty()) {
            args.addAll(List.of("--pg-after-migration", pgAfterMigration));
        }
        if (!fork) {
            args.add("--in-process");
        }
        if (!warmUp) {
            args.add("--no-warm-up");
        }
        return args;
    }

    /** The same options on another PostgreSQL database (P8's second service). */
    Options withPgUrl(String url) {
        return new Options(
                scenarios,
                subtree,
                seed,
                listing,
                find,
                operations,
                requests,
                mongoSubtree,
                neighbour,
                neighbourH2,
                neighbourRequests,
                repetitions,
                memoryCheck,
                url,
                pgUser,
                pgPassword,
                pgAfterMigration,
                out,
                fork,
                warmUp);
    }

    private static long number(Map<String, String> values, String name, long fallback) {
        String value = values.remove(name);
        if (value == null) {
            return fallback;
        }
        long n = Long.parseLong(value.replace("_", "").replace(",", ""));
        if (n < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return n;
    }

    private static String text(Map<String, String> values, String name, String fallback) {
        String value = values.remove(name);
        return value == null ? fallback : value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
