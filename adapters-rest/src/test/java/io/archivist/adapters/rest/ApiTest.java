package io.archivist.adapters.rest;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One service per test class, on its own embedded H2 database, reached over real HTTP. Each test works in a
 * workspace of its own, so tests of a class never see each other's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningServiceExtension.class)
abstract class ApiTest implements RunningServiceExtension.Configured {

    private RunningService service;

    @BeforeAll
    void startService(RunningService started) {
        service = started;
    }

    /** The embedded default store: a fresh H2 database file under target/ for each test class. */
    @Override
    public Map<String, String> serviceProperties() {
        Map<String, String> properties = RunningService.freshEmbeddedProperties(getClass());
        properties.putAll(moreProperties());
        return properties;
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
