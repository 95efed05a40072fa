package io.archivist.adapters.rest;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One service per test class, on its own embedded H2 database, reached over real HTTP. Each test works in a
 * workspace of its own, so tests of a class never see each other's records.
 *
 * <p>With {@code -Darchivist.test.api-database=JDBC_URL} (user {@code -Darchivist.test.api-database-user},
 * postgres by default, no password) every class but those on MongoDB runs on that database instead, all
 * of them on the same one: their own workspaces keep them apart. docs/citus.md runs the API tests on a
 * Citus cluster that way, the database prepared (migrated and distributed) before the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningServiceExtension.class)
abstract class ApiTest implements RunningServiceExtension.Configured {

    private RunningService service;

    @BeforeAll
    void startService(RunningService started) {
        service = started;
    }

    /** The embedded default store (a fresh H2 database file under target/ for each test class), or -Darchivist.test.api-database. */
    @Override
    public Map<String, String> serviceProperties() {
        Map<String, String> properties = RunningService.freshEmbeddedProperties(getClass());
        properties.putAll(moreProperties());
        String database = System.getProperty("archivist.test.api-database", "");
        if (!database.isBlank() && !"mongo".equals(properties.get("archivist.store"))) {
            properties.put("datasources.default.url", database);
            properties.put(
                    "datasources.default.username", System.getProperty("archivist.test.api-database-user", "postgres"));
            properties.put("datasources.default.password", "");
            properties.put("datasources.default.pool-name", API_DATABASE_POOL);
        }
        return properties;
    }

    /** The name of the pool -Darchivist.test.api-database's service runs on. */
    static final String API_DATABASE_POOL = "archivist-test-api-database";

    /** The name of the service's connection pool, as its metrics label it. */
    String poolName() {
        return System.getProperty("archivist.test.api-database", "").isBlank()
                ? "archivist-embedded-h2"
                : API_DATABASE_POOL;
    }

    /** What a test class configures differently. */
    Map<String, String> moreProperties() {
        return Map.of();
    }

    Api api() {
        return service.api();
    }

    /** A fresh workspace with tokens for each role. */
    Workspace workspace() {
        return service.workspace();
    }

    /** A bean of the running service. */
    <T> T bean(Class<T> type) {
        return service.bean(type);
    }
}
