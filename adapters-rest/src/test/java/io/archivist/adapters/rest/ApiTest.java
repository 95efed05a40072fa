package io.archivist.adapters.rest;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One service per test class (its own store), reached over real HTTP. Each test works in a
 * workspace of its own, so tests of a class never see each other's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    private Api api;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("archivist.jwt.secret", Tokens.SECRET);
        properties.put("archivist.data-dir", "target/test-data/" + getClass().getSimpleName());
        properties.put("archivist.test.store", "memory");
        properties.put("archivist.retention.enabled", "false");
        properties.putAll(moreProperties());
        return properties;
    }

    /** What a test class configures differently. */
    Map<String, String> moreProperties() {
        return Map.of();
    }

    Api api() {
        if (api == null) {
            api = new Api(server.getURI());
        }
        return api;
    }

    /** A fresh workspace with tokens for each role. */
    Workspace workspace() {
        return new Workspace(api(), "ws-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
