package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md#operations: MICRONAUT_METRICS_ENABLED=false switches every meter off; the service still
 * runs, counts nothing, keeps Idempotency-Key replays and pools working, and has no /prometheus.
 */
class MetricsOffApiIT extends ApiTest {

    private static final String KEY = "Idempotency-Key";

    @Override
    Map<String, String> moreProperties() {
        return Map.of("micronaut.metrics.enabled", "false");
    }

    @Test
    void without_metrics_the_service_serves_and_has_no_prometheus_endpoint() {
        Workspace ws = workspace();
        ws.type("note", true);
        String note = ws.create("note", "{}");
        assertEquals(
                200,
                api().delete("/api/v1/records/" + note, ws.admin, KEY, "off-1").status());
        Api.Response replayed = api().delete("/api/v1/records/" + note, ws.admin, KEY, "off-1");
        assertEquals("true", replayed.header("Idempotent-Replayed").orElseThrow());

        assertEquals(404, api().statusOutsideTheDocument("/prometheus", MetricsApiIT.superAdmin(ws)));
    }
}
