package io.archivist.adapters.rest;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One service per test class, on its own embedded H2 database, reached over real HTTP. Each test works in a
 * workspace of its own, so tests of a class never see each other's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    private Api api;
    private Path dataDir;

    /** The embedded default store: a fresh H2 database file under target/ for each test class. */
    @Override
    public Map<String, String> getProperties() {
        if (dataDir == null) {
            dataDir = Path.of("target", "test-data", getClass().getSimpleName());
            deleteRecursively(dataDir);
        }
        Map<String, String> properties = new HashMap<>();
        properties.put("archivist.jwt.secret", Tokens.SECRET);
        properties.put("archivist.data-dir", dataDir.toString());
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

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh workspace with tokens for each role. */
    Workspace workspace() {
        return new Workspace(api(), "ws-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
