package io.archivist.application.port.out;

import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/** R10: the first answer to each Idempotency-Key, kept 24 hours. */
public interface IdempotencyStore {

    /** The answer remembered under {@code key} at or after {@code notBefore}. */
    Optional<RememberedAnswer> find(WorkspaceId workspace, String key, Instant notBefore);

    /**
     * Called inside the unit of work of the action it answers, so both happen or neither; a refusal
     * is remembered in a unit of its own, after its action's unit rolled back. It replaces whatever
     * the key held (an expired answer).
     */
    void remember(WorkspaceId workspace, String key, RememberedAnswer answer);

    /**
     * Forgets at most {@code atMost} answers given before {@code answeredBefore}, in every
     * workspace, and says how many it forgot; so that kept answers do not pile up past their 24 hours.
     */
    int forget(Instant answeredBefore, int atMost);
}
