package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.out.ScheduledTurns;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7: once-only work (the retention job) takes turns through the store, so that however many
 * service instances run on it, a job runs once per turn; a holder that dies lets its turn run out and
 * the next caller gets the next one. Two instances here are two {@link ScheduledTurns} opened on the same
 * store, as two processes would; each test uses a job of its own.
 */
public interface ScheduledTurnsContract extends StoreContractSupport {

    Duration TURN = Duration.ofMinutes(1);
    int CALLERS = 8;

    /** The store's turns, as this service instance opened them. */
    ScheduledTurns scheduledTurns();

    /** The same store's turns as another instance opens them; by default the same adapter. */
    default ScheduledTurns scheduledTurnsOfAnotherInstance() {
        return scheduledTurns();
    }

    private static String job() {
        return "kit-job-" + UUID.randomUUID();
    }

    /** A whole millisecond: what every store keeps of an instant. */
    private Instant now() {
        return kit().clock.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    default void s7_of_instances_asking_at_once_for_the_same_turn_exactly_one_gets_it() throws Exception {
        String job = job();
        Instant now = now();
        assertEquals(1, race(job, now), "the job's first turn (no instance took one yet): one holder");
        assertEquals(0, race(job, now.plus(TURN).minusMillis(1)), "none while it runs");
        assertEquals(1, race(job, now.plus(TURN)), "the next turn, once the first ran out: one holder");
    }

    /** {@link #CALLERS} threads of two instances ask for the turn of {@code job} at {@code now}; how many got it. */
    private int race(String job, Instant now) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            ScheduledTurns turns = i % 2 == 0 ? scheduledTurns() : scheduledTurnsOfAnotherInstance();
            String holder = "instance-" + (i % 2) + "-thread-" + i;
            callers.add(() -> {
                start.await();
                return turns.take(job, holder, now, TURN);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (Callable<Boolean> caller : callers) {
                answers.add(pool.submit(caller));
            }
            start.countDown();
            int taken = 0;
            for (Future<Boolean> answer : answers) {
                taken += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return taken;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void s7_no_instance_gets_another_turn_until_the_one_taken_has_run_out() {
        String job = job();
        Instant now = now();
        assertTrue(scheduledTurns().take(job, "first", now, TURN), "the first turn of a job is free");
        assertFalse(scheduledTurnsOfAnotherInstance().take(job, "second", now.plusSeconds(1), TURN));
        assertFalse(
                scheduledTurns().take(job, "first", now.plus(TURN).minusMillis(1), TURN),
                "not even its holder: a quick job still runs once per turn");
        assertTrue(scheduledTurnsOfAnotherInstance().take(job, "second", now.plus(TURN), TURN), "then the next");
        assertFalse(scheduledTurns().take(job, "first", now.plus(TURN).plusSeconds(30), TURN));
    }

    @Test
    default void s7_the_turn_of_a_holder_that_died_passes_on_once_it_runs_out() {
        String job = job();
        Instant now = now();
        ScheduledTurns dead = scheduledTurnsOfAnotherInstance();
        assertTrue(dead.take(job, "dies-holding-it", now, TURN));
        // The holder is never heard of again: nobody releases its turn, and nobody needs to.
        Instant later = now.plus(TURN).plusMillis(1);
        assertTrue(scheduledTurns().take(job, "survivor", later, TURN), "the survivor gets the next turn");
        assertFalse(dead.take(job, "dies-holding-it", later.plusSeconds(1), TURN));
    }

    @Test
    default void s7_each_job_takes_turns_of_its_own() {
        String one = job();
        String other = job();
        Instant now = now();
        assertTrue(scheduledTurns().take(one, "a", now, TURN));
        assertTrue(scheduledTurnsOfAnotherInstance().take(other, "b", now, TURN), "another job's turn is free");
    }
}
