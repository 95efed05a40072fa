package io.archivist.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BENCHMARKS.md: a run replaces the generated tables and keeps what was written around them by hand. */
class ReportTest {

    private static final Machine MACHINE = new Machine(2, "a CPU", 4096, "Linux", "Java 17");

    @Test
    void a_run_replaces_its_tables_and_keeps_the_analysis_written_around_them(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        Report.write(file, run(0.5));
        String first = Files.readString(file);
        Files.writeString(file, first.replace(Report.END, Report.END + "\n\n## Why P2 misses\n\nThe analysis.\n"));

        Report.write(file, run(0.9));

        String second = Files.readString(file);
        assertTrue(second.contains("## Why P2 misses\n\nThe analysis."));
        assertTrue(second.contains("| 0.90 |"));
        assertFalse(second.contains("| 0.50 |"));
        assertEquals(1, second.split(java.util.regex.Pattern.quote(Report.BEGIN), -1).length - 1);
    }

    @Test
    void a_result_line_survives_the_trip_from_a_forked_jvm() {
        Result result = new Result(
                "P5",
                "page 1 of 10",
                "postgresql",
                1_000_000,
                "rows",
                0.25,
                200_000,
                "keyset SQL",
                0.1,
                500_000,
                1.0 / 3,
                "a note");
        assertEquals(result, Result.fromLine(result.toLine()));
        assertEquals(0.4, result.ratio(), 1e-9);
        assertTrue(result.met());
    }

    @Test
    void a_latency_line_is_met_at_most_its_target_and_only_without_failed_requests() {
        Result p8 = latency(30, 0);

        assertEquals(1.5, p8.ratio(), 1e-9);
        assertTrue(p8.met());
        assertFalse(latency(31, 0).met());
        assertFalse(latency(30, 1).met());
        assertEquals(p8, Result.fromLine(p8.toLine()));
        assertTrue(ResultTable.markdown(List.of(p8)).contains("| 1.50 | ≤ 1.50 | yes |"));
    }

    private static Result latency(double p99Millis, long errors) {
        return new Result(
                "P8",
                "B's p99",
                "postgresql, HTTP",
                600,
                "requests",
                p99Millis,
                40,
                "control",
                20,
                40,
                1.5,
                "",
                Result.Goal.LATENCY_AT_MOST,
                errors);
    }

    private static Report.Run run(double ratio) {
        Result result = new Result(
                "P2",
                "restore operation",
                "postgresql",
                100,
                "rows",
                10,
                10_000 * ratio,
                "UPDATE by archive_operation",
                10,
                10_000,
                0.8,
                "");
        return new Report.Run(
                Options.small(), List.of(result), List.of(), MACHINE, "PostgreSQL 15", ZonedDateTime.now());
    }
}
