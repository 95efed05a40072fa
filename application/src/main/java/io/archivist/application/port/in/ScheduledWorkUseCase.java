package io.archivist.application.port.in;

import java.time.Duration;

/**
 * SPEC §7: a scheduled job (the retention job) runs once per interval however many service instances run
 * on the store. Each instance asks at its own schedule; one of them gets each turn.
 */
public interface ScheduledWorkUseCase {

    /**
     * Whether this instance runs {@code job} now, on its schedule of one run every {@code interval}: true for
     * one instance per interval across every instance on the store, false for the others (and for this one
     * again within the same interval).
     */
    boolean takeTurn(String job, Duration interval);
}
