package io.archivist.benchmarks;

import java.util.List;

/** P6: GET /records/{id} over HTTP with a JWT against a trivial JSON endpoint of the same server. */
final class HttpScenario {

    private HttpScenario() {
    }

    static List<Result> run(Options options) {
        throw new UnsupportedOperationException("P6 waits for the REST module");
    }
}
