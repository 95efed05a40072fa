package io.archivist.application.port.in;

import io.archivist.domain.Caller;

import java.util.function.Supplier;

/** R10: a request repeated with the same Idempotency-Key within 24 hours is answered, not acted on again. */
public interface IdempotentRequestUseCase {

    /**
     * Runs {@code action} once per key and remembers its response in the same unit of work; a repeat
     * with the same fingerprint gets the remembered response, one with another fingerprint is refused.
     */
    RememberedResponse once(Caller caller, String key, String fingerprint, Supplier<RememberedResponse> action);
}
