package io.archivist.benchmarks;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;

/**
 * P6's baseline: a trivial JSON endpoint in the same server as the API, behind the same JWT check,
 * so that the ratio shows what reading and rendering a record adds to the framework's own cost.
 * Only there when the benchmark starts the server (bench.trivial-endpoint=true).
 */
@Controller("/bench/ping")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Requires(property = TrivialController.ENABLED, value = "true")
class TrivialController {

    static final String ENABLED = "bench.trivial-endpoint";

    @Get(produces = MediaType.APPLICATION_JSON)
    Map<String, Object> ping() {
        return Map.of("ok", true);
    }
}
