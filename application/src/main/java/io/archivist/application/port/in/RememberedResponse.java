package io.archivist.application.port.in;

import java.time.Instant;
import java.util.Map;

/**
 * R10: the first answer to a request made with an Idempotency-Key. {@code fingerprint} identifies
 * the request (method, path, body) so that a key reused for another request is refused.
 */
public record RememberedResponse(String fingerprint, int status, String body, Map<String, String> headers,
                                 Instant at) {

    public RememberedResponse {
        headers = Map.copyOf(headers);
    }
}
