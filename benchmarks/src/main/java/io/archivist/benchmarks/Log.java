package io.archivist.benchmarks;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard error, so that a long run shows where it is. */
final class Log {

    private Log() {}

    static void info(String format, Object... args) {
        System.err.println(
                "[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
    }
}
