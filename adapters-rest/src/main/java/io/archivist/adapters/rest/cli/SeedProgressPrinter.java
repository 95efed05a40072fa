package io.archivist.adapters.rest.cli;

import io.archivist.application.port.in.seed.SeedProgress;
import java.io.PrintWriter;
import java.time.Duration;

/** Prints how far each pass of an import is, with its rate, as the import reports it (every 10,000 records). */
final class SeedProgressPrinter implements SeedProgress {

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private Phase phase;
    private long phaseStarted = started;
    private long lastUpdate = started;

    SeedProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(Phase phase, long records) {
        long now = System.nanoTime();
        if (phase != this.phase) {
            // A pass begins where the one before it reported its end.
            this.phase = phase;
            this.phaseStarted = lastUpdate;
        }
        lastUpdate = now;
        Duration took = Duration.ofNanos(now - phaseStarted);
        String doing = phase == Phase.VALIDATING ? "validated " : "written ";
        err.println("  " + doing + SeedReportText.number(records) + " records (" + SeedReportText.seconds(took) + ", "
                + SeedReportText.rate(records, took) + ")");
        err.flush();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
