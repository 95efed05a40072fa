package io.archivist.adapters.rest.wiring;

import io.archivist.application.port.out.TimeSource;
import java.time.Instant;

/** The wall clock the service runs on. */
public final class SystemClock implements TimeSource {

    @Override
    public Instant now() {
        return Instant.now();
    }
}
