package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.ScheduledTurns;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns of once-only work in the {@code scheduled_turns} table (migration V11), the same SQL on every
 * dialect. A turn is one conditional UPDATE: the row lock serialises instances that ask at once, and the
 * second re-reads the row the first committed (PostgreSQL and MariaDB re-check an UPDATE's condition on the
 * latest row version; H2 locks the row it updates), so it finds the turn taken and changes nothing. The
 * first turn of a job inserts its row; two instances inserting it at once collide on the key, and the
 * loser has not got the turn.
 */
final class JdbcScheduledTurns implements ScheduledTurns {

    private final JdbcDatabase db;

    JdbcScheduledTurns(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public boolean take(String job, String holder, Instant now, Duration length) {
        Instant ends = now.plus(length);
        try {
            return db.transactions.statements(c -> {
                int taken = db.sql.update(
                        c,
                        "UPDATE scheduled_turns SET holder = ?, taken_at = ?, turn_ends = ?"
                                + " WHERE job = ? AND turn_ends <= ?",
                        holder,
                        now,
                        ends,
                        job,
                        now);
                if (taken == 1) {
                    return true;
                }
                if (db.sql
                        .first(c, "SELECT job FROM scheduled_turns WHERE job = ?", rows -> true, job)
                        .isPresent()) {
                    return false; // its turn has not run out
                }
                db.sql.update(
                        c,
                        "INSERT INTO scheduled_turns (job, holder, taken_at, turn_ends) VALUES (?, ?, ?, ?)",
                        job,
                        holder,
                        now,
                        ends);
                return true;
            });
        } catch (JdbcStoreException e) {
            if (db.dialect.isUniqueViolation(e.sqlException())) {
                return false; // another instance took the job's first turn at the same moment
            }
            throw e;
        }
    }
}
