package io.archivist.application.port.out;

import io.archivist.application.port.in.RememberedResponse;
import io.archivist.domain.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

/** R10: the first response to each Idempotency-Key, kept 24 hours. */
public interface IdempotencyStore {

    /** The response remembered under {@code key} at or after {@code notBefore}. */
    Optional<RememberedResponse> find(WorkspaceId workspace, String key, Instant notBefore);

    /** Called inside the unit of work of the action it answers, so both happen or neither. */
    void remember(WorkspaceId workspace, String key, RememberedResponse response);
}
