package io.archivist.application.port.in;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Role.Permission;
import java.util.function.Function;
import java.util.function.Supplier;

/** R10: a request repeated with the same Idempotency-Key within 24 hours is answered, not acted on again. */
public interface IdempotentRequestUseCase {

    /**
     * Checks that the caller holds {@code permission} (before any replay), then runs {@code action}
     * once per key of this caller in its workspace and remembers the answer it gives in the same unit
     * of work. A refusal of the action is remembered too, as {@code refusal} writes it, unless it invites
     * a retry; it is then thrown as it came. A repeat with the same fingerprint gets the remembered
     * answer; one with another fingerprint is a 422 IDEMPOTENCY_KEY_REUSED. An answer is the caller's
     * own text (how it answers the request again); the application only keeps it.
     */
    String once(
            Caller caller,
            Permission permission,
            String key,
            String fingerprint,
            Supplier<String> action,
            Function<ArchivistException, String> refusal);

    /** Forgets the answers older than 24 hours, in batches; says how many it forgot. */
    long forgetExpired();
}
