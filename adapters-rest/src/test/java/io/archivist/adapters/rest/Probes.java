package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/** What the probes answer, as a load balancer or an orchestrator asks: no token, and only the status shown. */
final class Probes {

    private Probes() {}

    /** Asks {@code path} until it answers {@code status} (at most {@code within}), then checks the whole body. */
    static void await(Api api, String path, int status, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Api.Response last = null;
        do {
            try {
                last = api.get(path, null);
                if (last.status() == status) {
                    break;
                }
            } catch (UncheckedIOException notAnswering) {
                last = null;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        String answered = last == null ? "no answer" : last.toString();
        assertEquals(status, last == null ? -1 : last.status(), path + " within " + within + ": " + answered);
        assertEquals(status == 200 ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}", last.text(), path);
    }

    /** Answers {@code status} at once. */
    static void assertNow(Api api, String path, int status) throws InterruptedException {
        await(api, path, status, Duration.ZERO);
    }
}
