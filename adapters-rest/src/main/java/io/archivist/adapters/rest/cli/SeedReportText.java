package io.archivist.adapters.rest.cli;

import io.archivist.application.port.in.seed.SeedError;
import io.archivist.application.port.in.seed.SeedRejectedException;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.in.seed.SeedReport.Counts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A seed import's report and errors as lines for the console (seed import) and the log (seeds at start-up). */
public final class SeedReportText {

    private SeedReportText() {}

    public static List<String> report(String seed, SeedReport report, Duration took) {
        List<String> lines = new ArrayList<>();
        lines.add((report.dryRun()
                        ? "Dry run of " + seed + " for workspace " + report.workspace()
                                + ": nothing was written; the import would do this"
                        : "Imported " + seed + " into workspace " + report.workspace())
                + " (" + number(report.records()) + " records, " + seconds(took) + ", "
                + rate(report.records(), took) + "):");
        lines.add("  object types: " + counts(report.objectTypes()));
        report.recordsPerType().forEach((type, counts) -> lines.add("  " + type + ": " + counts(counts)));
        lines.add("  archive operations created: " + number(report.operationsCreated()));
        if (report.warningCount() > 0) {
            lines.add("  warnings (" + number(report.warningCount()) + "):");
            report.warnings().forEach(warning -> lines.add("    " + warning));
            if (report.warningCount() > report.warnings().size()) {
                lines.add("    ... and "
                        + number(report.warningCount() - report.warnings().size()) + " more");
            }
        }
        return lines;
    }

    public static List<String> errors(String seed, SeedRejectedException rejected) {
        List<String> lines = new ArrayList<>();
        lines.add(seed + " was not imported: it has " + number(rejected.errorCount())
                + (rejected.errorCount() == 1 ? " error" : " errors") + ", and with any error nothing is imported:");
        for (SeedError error : rejected.errors()) {
            lines.add("  " + error);
        }
        if (rejected.errorCount() > rejected.errors().size()) {
            lines.add("  ... and "
                    + number(rejected.errorCount() - rejected.errors().size()) + " more");
        }
        return lines;
    }

    static String counts(Counts counts) {
        return number(counts.created()) + " created, " + number(counts.updated()) + " updated, "
                + number(counts.unchanged()) + " unchanged";
    }

    static String rate(long records, Duration took) {
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        return number(Math.round(records / seconds)) + " records/s";
    }

    static String seconds(Duration took) {
        return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
