package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RememberedAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * R10's table, idempotent_requests, as the store asks for it: implemented by a Micronaut Data
 * repository per way of keeping its times ({@link ZonedIdempotentRequests} for H2 and PostgreSQL,
 * {@link MariaDbIdempotentRequests}); {@link JdbcIdempotencyStore} runs them inside the store's units.
 */
interface IdempotentRequests {

    /**
     * The workspaces of the oldest answers given before {@code answeredBefore}, one row per answer, at most
     * {@code atMost}: the one statement across workspaces, a plain read on idempotent_requests_by_answered_at,
     * which a distributed engine (Citus) runs on every node and merges. Each workspace's answers are then
     * forgotten by {@link #FORGET}, a statement of that workspace alone.
     */
    String EXPIRED = "SELECT workspace FROM idempotent_requests WHERE answered_at < :answeredBefore"
            + " ORDER BY answered_at LIMIT :atMost";

    /**
     * One bounded DELETE in one workspace, the same on every database: the doubly nested LIMIT is what
     * MariaDB accepts in an IN over the table being deleted from.
     */
    String FORGET = "DELETE FROM idempotent_requests WHERE workspace = :workspace AND answered_at < :answeredBefore"
            + " AND key_hash IN (SELECT key_hash FROM (SELECT key_hash FROM idempotent_requests"
            + " WHERE workspace = :workspace AND answered_at < :answeredBefore ORDER BY answered_at LIMIT :atMost)"
            + " expired)";

    Optional<RememberedAnswer> answer(String workspace, String keyHash, Instant notBefore);

    /** Replaces whatever the key holds (an expired answer): a DELETE, then an INSERT. */
    void replace(String workspace, String keyHash, RememberedAnswer answer);

    /** {@link #EXPIRED}: a workspace per answer, the oldest first. */
    List<String> workspacesAnsweredBefore(Instant answeredBefore, int atMost);

    /** {@link #FORGET}: how many of {@code workspace}'s answers it forgot. */
    int forgetAnsweredBefore(String workspace, Instant answeredBefore, int atMost);
}
