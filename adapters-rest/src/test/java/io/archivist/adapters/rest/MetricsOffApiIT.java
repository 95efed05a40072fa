package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    void without_metrics_the_service_serves_and_has_no_prometheus_endpoint() throws Exception {
        Workspace ws = workspace();
        ws.type("note", true);
        String note = ws.create("note", "{}");
        assertEquals(
                200,
                api().delete("/api/v1/records/" + note, ws.admin, KEY, "off-1").status());
        Api.Response replayed = api().delete("/api/v1/records/" + note, ws.admin, KEY, "off-1");
        assertEquals("true", replayed.header("Idempotent-Replayed").orElseThrow());

        // Past the OpenAPI check, which describes /prometheus for a service that has it.
        HttpResponse<Void> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(api().base().resolve("/prometheus"))
                                .header("Authorization", "Bearer " + MetricsApiIT.superAdmin(ws))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertEquals(404, metrics.statusCode());
    }
}
