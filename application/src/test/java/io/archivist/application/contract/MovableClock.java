package io.archivist.application.contract;

import io.archivist.application.port.out.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kit's time: it replaces the TimeSource of the store's StorePorts, so tests can move time (R11,
 * the 24 hours of R10). Every reading is one millisecond after the previous one, so that no two
 * operations share an instant and "oldest first" has one answer on every store.
 */
public final class MovableClock implements TimeSource {

    private final AtomicLong millis;

    public MovableClock(Instant start) {
        this.millis = new AtomicLong(start.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(millis.getAndIncrement());
    }

    public void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    /** Sets the next reading; time may go forward only, as a store expects. */
    public void set(Instant next) {
        millis.accumulateAndGet(next.toEpochMilli(), Math::max);
    }
}
