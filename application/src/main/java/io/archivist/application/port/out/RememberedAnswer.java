package io.archivist.application.port.out;

import java.time.Instant;

/**
 * R10: the first answer to a request made with an Idempotency-Key. {@code fingerprint} identifies
 * the request so that a key reused for another request is refused; {@code answer} is whatever the
 * adapter that took the request needs to give the same answer again, text the application never reads.
 */
public record RememberedAnswer(String fingerprint, String answer, Instant at) {}
