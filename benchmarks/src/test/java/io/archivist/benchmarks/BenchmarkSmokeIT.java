package io.archivist.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at a tiny size (bench/run --small), so that it never rots: every scenario of
 * docs/quality.md runs through Archivist and its baseline and yields a ratio. It checks that they ran,
 * never how fast (a timed test on a shared machine proves nothing).
 */
class BenchmarkSmokeIT {

    @Test
    void every_scenario_runs_against_its_baseline_and_yields_a_ratio() throws Exception {
        // Its own database: a build never drops the schema under a bench/run going on (archivist_bench).
        Options options = Options.small().withPgUrl(Options.DEFAULT_PG_URL + "_smoke");
        requirePostgres(options);

        Report.Run run = Benchmarks.run(options);

        assertEquals(List.of(), run.failures());
        for (Scenario scenario : Scenario.values()) {
            List<Result> its = run.results().stream()
                    .filter(r -> r.scenario().equals(scenario.name()))
                    .toList();
            assertFalse(its.isEmpty(), scenario + " produced no result");
            for (Result result : its) {
                assertTrue(
                        result.rate() > 0
                                && result.baselineRate() > 0
                                && Double.isFinite(result.ratio())
                                && result.ratio() > 0,
                        scenario + " has no ratio: " + result);
            }
        }
        List<String> neighbourStores = run.results().stream()
                .filter(r -> r.scenario().equals("P8"))
                .map(Result::store)
                .toList();
        assertEquals(
                List.of("postgresql, HTTP", "h2 (embedded), HTTP"),
                neighbourStores,
                "P8 runs on PostgreSQL and on the embedded default");
        String report = Report.generated(run);
        for (Scenario scenario : Scenario.values()) {
            assertTrue(report.contains("| " + scenario.name() + " |"), scenario + " missing from the report");
        }
    }

    /** With CI=true an unreachable database fails the build; elsewhere the test is skipped, saying why. */
    private static void requirePostgres(Options options) {
        try {
            Postgres.createDatabaseIfMissing(options);
            DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword())
                    .close();
        } catch (SQLException e) {
            String why = "PostgreSQL unreachable at " + options.pgUrl() + ": " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why + " (skipped outside CI)");
        }
    }
}
