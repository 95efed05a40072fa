package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md#probes: the database goes away under a running service and comes back, and readiness follows
 * it (a 503, then a 200 again) while liveness stays up. PostgreSQL is taken away by cutting a TCP proxy between the
 * service and the machine's server (which other tests use, so it is never stopped); MongoDB by stopping the
 * in-process server and starting it again on the same port.
 */
class ReadinessIT {

    @Test
    void readiness_goes_down_with_postgresql_and_comes_back_with_it() throws Exception {
        try (CrashStores.Opened database =
                CrashStores.POSTGRESQL.open(Path.of("target", "test-data"), CrashStores.database("readiness"))) {
            URI url = URI.create(
                    database.properties().get("datasources.default.url").substring("jdbc:".length()));
            try (TcpProxy proxy = new TcpProxy(url.getHost(), url.getPort())) {
                Map<String, String> properties = service(database.properties());
                properties.put(
                        "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + url.getPath());
                try (RunningService service = RunningService.start(properties)) {
                    assertReadinessFollows(service, proxy::cut, proxy::restore);
                    assertPoolMeasured(service, "hikaricp_connections_max");
                }
            }
        }
    }

    @Test
    void readiness_goes_down_with_mongodb_and_comes_back_with_it() throws Exception {
        MemoryBackend backend = new MemoryBackend();
        MongoServer[] server = {new MongoServer(backend)};
        InetSocketAddress address = server[0].bind();
        Map<String, String> properties = service(Map.of(
                "archivist.store",
                "mongo",
                "mongodb.uri",
                "mongodb://" + address.getHostString() + ":" + address.getPort()
                        + "/readiness?serverSelectionTimeoutMS=1500&connectTimeoutMS=1000",
                "archivist.mongo.sweep-every",
                "1h"));
        try (RunningService service = RunningService.start(properties)) {
            assertReadinessFollows(service, () -> server[0].shutdownNow(), () -> {
                server[0] = new MongoServer(backend);
                server[0].bind(address.getHostString(), address.getPort());
            });
            assertPoolMeasured(service, "mongodb_driver_pool_size");
        } finally {
            server[0].shutdownNow();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void assertReadinessFollows(RunningService service, Step takeAway, Step giveBack) throws Exception {
        Api api = service.api();
        Workspace ws = service.workspace();
        ws.type("note", true);
        Probes.assertNow(api, "/health/readiness", 200);

        takeAway.run();
        Probes.await(api, "/health/readiness", 503, Duration.ofSeconds(30));
        Probes.assertNow(api, "/health", 503);
        Probes.assertNow(api, "/health/liveness", 200);

        giveBack.run();
        Probes.await(api, "/health/readiness", 200, Duration.ofSeconds(60));
        Probes.assertNow(api, "/health", 200);
        ws.type("note", true); // the same again: a restarted in-process MongoDB may have lost it
        Api.Response created = api.post("/api/v1/records", ws.admin, "{\"type\": \"note\", \"attributes\": {}}");
        assertEquals(201, created.status(), "the store serves again: " + created);
    }

    /** docs/operations.md#metrics: the store's connection pool is measured. */
    private static void assertPoolMeasured(RunningService service, String meter) {
        Scrape scrape = Scrape.of(service.api(), MetricsApiIT.superAdmin(service.workspace()));
        assertTrue(scrape.has(meter), meter + " in " + scrape.text());
    }

    private static Map<String, String> service(Map<String, String> store) {
        Map<String, String> properties =
                new HashMap<>(RunningService.embedded(Path.of("target", "test-data", "ReadinessIT")));
        properties.remove("archivist.data-dir");
        properties.putAll(store);
        properties.put("archivist.health.store-timeout", "1s");
        return properties;
    }
}
