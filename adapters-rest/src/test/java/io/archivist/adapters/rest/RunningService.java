package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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
 * The service started in the test's JVM on an embedded server, reached over real HTTP through
 * {@link Api} (or, from the console's tests, at {@link #url}). {@link RunningServiceExtension} gives
 * each API test class one; a test of start-up itself starts its own with {@link #start} and closes it.
 */
public final class RunningService implements AutoCloseable {

    private final EmbeddedServer server;
    private final Api api;

    private RunningService(EmbeddedServer server) {
        this.server = server;
        this.api = new Api(server.getURI());
    }

    /** Starts the service with exactly these properties; a service that refuses to start throws. */
    static RunningService start(Map<String, ?> properties) {
        return new RunningService(
                ApplicationContext.run(EmbeddedServer.class, new HashMap<String, Object>(properties)));
    }

    /** Starts the service with {@code properties}, which it must refuse: the message of the refusal's root cause. */
    static String refusalToStart(Map<String, ?> properties) {
        Throwable cause =
                assertThrows(RuntimeException.class, () -> start(properties).close(), properties::toString);
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /**
     * What API tests run with: the embedded default store in {@code dataDir}, the tests' HS256 secret
     * (so {@link Tokens} sign for it), no retention job, and a free port.
     */
    static Map<String, String> embedded(Path dataDir) {
        Map<String, String> properties = new HashMap<>();
        properties.put("archivist.jwt.secret", Tokens.SECRET);
        properties.put("archivist.data-dir", dataDir.toString());
        properties.put("archivist.retention.enabled", "false");
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    /**
     * {@link #embedded} on a fresh H2 database file for {@code testClass}: target/test-data/ and the class's
     * name, emptied first, so that a run never sees what an earlier run left.
     */
    static Map<String, String> freshEmbeddedProperties(Class<?> testClass) {
        Path dataDir = Path.of("target", "test-data", testClass.getSimpleName());
        deleteRecursively(dataDir);
        return embedded(dataDir);
    }

    /** {@link #start}ed on {@link #freshEmbeddedProperties}: what a test class outside this package that needs a service starts. */
    public static RunningService freshEmbedded(Class<?> testClass) {
        return start(freshEmbeddedProperties(testClass));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Api api() {
        return api;
    }

    /** The service's base URL, for a client of the test's own (the console's browser and API client). */
    public String url() {
        return server.getURL().toString();
    }

    /** A fresh workspace with tokens for each role, signed with the tests' secret. */
    Workspace workspace() {
        return new Workspace(api, "ws-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A bean of the running service, for a test that reaches behind the API (to close the pool, say). */
    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void close() {
        server.close();
    }
}
