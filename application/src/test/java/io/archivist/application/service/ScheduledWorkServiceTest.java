package io.archivist.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.contract.MovableClock;
import io.archivist.application.memory.InMemoryScheduledTurns;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC §7: three instances on one store, each on its own schedule, run a job once per interval between them. */
class ScheduledWorkServiceTest {

    private static final Duration INTERVAL = Duration.ofHours(1);

    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final InMemoryScheduledTurns store = new InMemoryScheduledTurns();

    private ScheduledWorkService instance(String name) {
        return new ScheduledWorkService(store, clock, name);
    }

    @Test
    void instances_whose_schedules_interleave_run_the_job_once_per_interval_between_them() {
        ScheduledWorkService a = instance("a");
        ScheduledWorkService b = instance("b");
        ScheduledWorkService c = instance("c");
        int runs = 0;
        for (int interval = 0; interval < 24; interval++) {
            // Each asks once per interval, a at its start, b 10 minutes in, c 50 minutes in.
            runs += a.takeTurn("retention", INTERVAL) ? 1 : 0;
            clock.advance(Duration.ofMinutes(10));
            runs += b.takeTurn("retention", INTERVAL) ? 1 : 0;
            clock.advance(Duration.ofMinutes(40));
            runs += c.takeTurn("retention", INTERVAL) ? 1 : 0;
            clock.advance(Duration.ofMinutes(10));
        }
        assertEquals(24, runs, "once per interval, not once per instance");
    }

    @Test
    void the_holder_gets_its_next_turn_even_when_its_schedule_comes_round_a_little_early() {
        ScheduledWorkService a = instance("a");
        assertTrue(a.takeTurn("retention", INTERVAL));
        clock.advance(INTERVAL.minusSeconds(2)); // its clock ran a little slower than the wall clock
        assertTrue(a.takeTurn("retention", INTERVAL));
    }

    @Test
    void when_the_holder_dies_another_instance_runs_the_job_within_two_intervals() {
        assertTrue(instance("dies").takeTurn("retention", INTERVAL));
        ScheduledWorkService survivor = instance("survivor");
        clock.advance(Duration.ofMinutes(30));
        assertFalse(survivor.takeTurn("retention", INTERVAL), "the dead holder's turn still runs");
        clock.advance(INTERVAL);
        assertTrue(survivor.takeTurn("retention", INTERVAL), "and then it has run out");
    }

    @Test
    void each_job_has_turns_of_its_own() {
        assertTrue(instance("a").takeTurn("retention", INTERVAL));
        assertTrue(instance("b").takeTurn("another", INTERVAL));
    }
}
