package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RememberedAnswer;
import java.time.Instant;
import java.util.Optional;

/**
 * R10's table, idempotent_requests, as the store asks for it: implemented by a Micronaut Data
 * repository per way of keeping its times ({@link ZonedIdempotentRequests} for H2 and PostgreSQL,
 * {@link MariaDbIdempotentRequests}); {@link JdbcIdempotencyStore} runs them inside the store's units.
 */
interface IdempotentRequests {

    /**
     * One bounded DELETE, the same on every database: the doubly nested LIMIT is what MariaDB accepts in an
     * IN over the table being deleted from. It runs on idempotent_requests_by_answered_at.
     */
    String FORGET = "DELETE FROM idempotent_requests WHERE answered_at < :answeredBefore"
            + " AND (workspace, key_hash) IN (SELECT workspace, key_hash FROM"
            + " (SELECT workspace, key_hash FROM idempotent_requests WHERE answered_at < :answeredBefore"
            + " ORDER BY answered_at LIMIT :atMost) expired)";

    Optional<RememberedAnswer> answer(String workspace, String keyHash, Instant notBefore);

    /** Replaces whatever the key holds (an expired answer): a DELETE, then an INSERT. */
    void replace(String workspace, String keyHash, RememberedAnswer answer);

    int forgetAnsweredBefore(Instant answeredBefore, int atMost);
}
