package io.archivist.application.memory;

import io.archivist.application.port.out.ScheduledTurns;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The reference turns: when each job's turn runs out, under one lock. */
public final class InMemoryScheduledTurns implements ScheduledTurns {

    private final Map<String, Instant> turnEnds = new HashMap<>();

    @Override
    public synchronized boolean take(String job, String holder, Instant now, Duration length) {
        Instant ends = turnEnds.get(job);
        if (ends != null && ends.isAfter(now)) {
            return false;
        }
        turnEnds.put(job, now.plus(length));
        return true;
    }
}
