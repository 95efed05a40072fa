package io.archivist.application.service;

import io.archivist.application.port.in.ScheduledWorkUseCase;
import io.archivist.application.port.out.ScheduledTurns;
import io.archivist.application.port.out.TimeSource;
import java.time.Duration;

/**
 * Scheduled jobs take their turns through the store ({@link ScheduledTurns}). A turn lasts a little less
 * than the interval of the schedule: the holder's own next run comes one interval later by its monotonic
 * clock, while the turn ends by the wall clock, and the two drift apart slightly (NTP slews a clock by up to
 * 0.05 %); a turn exactly one interval long could make the holder miss its next turn by a millisecond, and
 * the job skip a whole interval. So across every instance a job runs at most once in any 19/20 of its
 * interval and, while any instance lives, at least once in two intervals (once per interval while the
 * holder of its last turn lives).
 */
public final class ScheduledWorkService implements ScheduledWorkUseCase {

    private final ScheduledTurns turns;
    private final TimeSource time;
    private final String instance;

    /** {@code instance}: this service instance's name, as the store keeps it beside the turn it took. */
    public ScheduledWorkService(ScheduledTurns turns, TimeSource time, String instance) {
        this.turns = turns;
        this.time = time;
        // The name only tells people which instance ran a job; a longer one is cut to what the store keeps.
        this.instance = instance.length() > ScheduledTurns.MAX_HOLDER_LENGTH
                ? instance.substring(0, ScheduledTurns.MAX_HOLDER_LENGTH)
                : instance;
    }

    @Override
    public boolean takeTurn(String job, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a schedule's interval is positive, not " + interval);
        }
        if (job.isEmpty() || job.length() > ScheduledTurns.MAX_JOB_LENGTH) {
            throw new IllegalArgumentException("a job's name is 1 to " + ScheduledTurns.MAX_JOB_LENGTH + " characters");
        }
        return turns.take(job, instance, Workspaces.now(time), turnOf(interval));
    }

    static Duration turnOf(Duration interval) {
        return interval.minus(interval.dividedBy(20));
    }
}
