package io.archivist.benchmarks;

import io.archivist.adapters.rest.security.TokenMinter;
import io.archivist.application.service.WorkspaceTurns;
import io.archivist.domain.WorkspaceId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The REST service itself, started in this JVM on a random port of 127.0.0.1 as {@code archivist serve}
 * starts it: on a PostgreSQL database (emptied first), or on the embedded H2 default in a fresh data
 * directory. Its tokens are real HS256 JWTs signed with the service's own random secret.
 */
final class Service implements AutoCloseable {

    private final EmbeddedServer server;
    private final byte[] secret;
    private final Path dataDir;
    private final Optional<Options> postgres;
    final Archivist archivist;

    private Service(EmbeddedServer server, byte[] secret, Path dataDir, Optional<Options> postgres) {
        this.server = server;
        this.secret = secret;
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.archivist = Archivist.of(
                server.getApplicationContext(), server.getApplicationContext().getBean(WorkspaceTurns.class));
    }

    /** On the PostgreSQL database of {@code options}, made when missing and emptied first. */
    static Service onPostgres(Options options, Map<String, Object> extra) throws IOException, SQLException {
        Postgres.createEmptyDatabase(options);
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("datasources.default.url", Postgres.archivistUrl(options));
        properties.put("datasources.default.username", options.pgUser());
        properties.put("datasources.default.password", options.pgPassword());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        return start(properties, Optional.of(options));
    }

    /** On the embedded default: no datasource configured, so the store is an H2 file in its data directory. */
    static Service onEmbeddedH2() throws IOException {
        return start(Map.of(), Optional.empty());
    }

    private static Service start(Map<String, Object> extra, Optional<Options> postgres) throws IOException {
        byte[] secret = randomSecret();
        Path dataDir = Files.createTempDirectory("archivist-bench-service");
        Map<String, Object> properties = new HashMap<>(extra);
        properties.put("micronaut.server.host", "127.0.0.1");
        properties.put("micronaut.server.port", -1);
        properties.put("archivist.jwt.secret", new String(secret, StandardCharsets.US_ASCII));
        properties.put("archivist.retention.enabled", false);
        properties.put("archivist.data-dir", dataDir.toString());
        try {
            return new Service(ApplicationContext.run(EmbeddedServer.class, properties), secret, dataDir, postgres);
        } catch (RuntimeException e) {
            delete(dataDir);
            throw e;
        }
    }

    URI uri() {
        return server.getURI();
    }

    String store() {
        return postgres.isPresent() ? "postgresql" : "h2 (embedded)";
    }

    /** A token of {@code workspace} with {@code role}, valid for the whole run. */
    String token(String sub, String role, WorkspaceId workspace) {
        return TokenMinter.hs256(secret, sub, List.of(role), workspace.value(), Duration.ofHours(6), Instant.now());
    }

    /** After loading: fresh statistics on PostgreSQL, as a database that has settled would have. */
    void settle() throws SQLException {
        if (postgres.isPresent()) {
            Postgres.vacuumAnalyze(postgres.get());
        }
    }

    @Override
    public void close() throws IOException, SQLException {
        try {
            server.close();
            if (postgres.isPresent()) {
                Postgres.endSessions(postgres.get());
            }
        } finally {
            delete(dataDir);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static byte[] randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).getBytes(StandardCharsets.US_ASCII);
    }
}
