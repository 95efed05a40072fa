package io.archivist.application.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Work that must happen once however many service instances run on one store (SPEC §7: the retention
 * job) takes turns through the store. A turn of a job starts when a caller takes it and lasts its
 * {@code length}; until it has run out nobody gets another turn of that job, in this process or any
 * other. A holder never gives a turn back early (so a job that is quick to run still runs once per turn,
 * not once per instance), and a holder that dies needs no one to notice: its turn runs out, and the next
 * caller gets the next one.
 */
public interface ScheduledTurns {

    /** Longest name of a job. */
    int MAX_JOB_LENGTH = 100;

    /** Longest name of a holder. */
    int MAX_HOLDER_LENGTH = 255;

    /**
     * Takes the turn of {@code job} that starts at {@code now} and lasts {@code length}, for {@code holder}
     * (a name of the calling instance, kept for people to read), unless a turn of that job taken earlier
     * has not run out at {@code now}. True for at most one caller among any that call at once, on any
     * instance on the store. The caller keeps {@code job} and {@code holder} within their lengths.
     */
    boolean take(String job, String holder, Instant now, Duration length);
}
