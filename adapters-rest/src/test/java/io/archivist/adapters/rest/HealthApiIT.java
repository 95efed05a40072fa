package io.archivist.adapters.rest;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md#probes on the embedded default store: /health, /health/liveness and /health/readiness answer
 * only their status, with no null member and no detail; once the store cannot be reached, readiness (and /health)
 * is a 503 within archivist.health.store-timeout while liveness stays up.
 */
class HealthApiIT extends ApiTest {

    @Override
    Map<String, String> moreProperties() {
        return Map.of("archivist.health.store-timeout", "1s");
    }

    @Test
    void the_probes_answer_only_their_status_and_readiness_follows_the_store() throws Exception {
        for (String probe : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            Probes.assertNow(api(), probe, 200);
        }

        // The embedded pool, behind the proxy Micronaut Data puts around each DataSource bean.
        bean(DataSource.class).unwrap(HikariDataSource.class).close();

        Probes.await(api(), "/health/readiness", 503, Duration.ofSeconds(10));
        Probes.assertNow(api(), "/health", 503);
        Probes.assertNow(api(), "/health/liveness", 200);
    }
}
