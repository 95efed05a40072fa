package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The service started in the test's JVM on an embedded server, reached over real HTTP through
 * {@link Api}. {@link RunningServiceExtension} gives each API test class one; a test of start-up
 * itself starts its own with {@link #start} and closes it.
 */
final class RunningService implements AutoCloseable {

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

    Api api() {
        return api;
    }

    /** A fresh workspace with tokens for each role, signed with the tests' secret. */
    Workspace workspace() {
        return new Workspace(api, "ws-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A bean of the running service, for a test that reaches behind the API (to close the pool, say). */
    <T> T bean(Class<T> type) {
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
