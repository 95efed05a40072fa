package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md#metrics: ENDPOINTS_ALL_PORT (endpoints.all.port) moves Micronaut's endpoints, /prometheus and
 * the probes, to a port of their own, which still asks for a SUPER_ADMIN token.
 */
class ManagementPortApiIT extends ApiTest {

    private final int managementPort = freePort();

    @Override
    Map<String, String> moreProperties() {
        return Map.of("endpoints.all.port", Integer.toString(managementPort));
    }

    @Test
    void the_metrics_and_probes_move_to_the_management_port_and_keep_their_access_rule() throws Exception {
        Workspace ws = workspace();
        Api management = api().onPort(managementPort);

        assertEquals(
                404,
                api().statusOutsideTheDocument("/prometheus", MetricsApiIT.superAdmin(ws)),
                "not on the API's port");
        assertEquals(401, management.get("/prometheus", null).status());
        assertEquals(403, management.get("/prometheus", ws.admin).status());
        Scrape.of(management, MetricsApiIT.superAdmin(ws));
        Probes.assertNow(management, "/health/readiness", 200);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
