package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.adapters.rest.security.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** the README's Run and Configuration: the service refuses to start without a signing key, except in embedded dev mode. */
class StartupIT {

    @TempDir
    Path data;

    private Map<String, Object> settings(String... more) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("archivist.retention.enabled", "false");
        properties.put("archivist.data-dir", data.toString());
        properties.put("micronaut.server.port", "-1");
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    @Test
    void outside_embedded_dev_mode_the_service_refuses_to_start_without_a_key() {
        for (Map<String, Object> deployment : List.of(
                settings("datasources.default.url", "jdbc:postgresql://127.0.0.1:5432/archivist_rest_none"),
                settings("datasources.default.url", "jdbc:h2:tcp://127.0.0.1:1/none"),
                settings("archivist.store", "mongo"))) {
            String refusal = RunningService.refusalToStart(deployment);
            assertTrue(refusal.contains("no signing key configured"), refusal);
        }
        assertTrue(Files.notExists(data.resolve(SigningKeys.DEV_KEY_FILE)), "no development key outside dev mode");
    }

    @Test
    void a_secret_shorter_than_32_bytes_is_refused() {
        String refusal = RunningService.refusalToStart(settings("archivist.jwt.secret", "too-short"));
        assertTrue(refusal.contains("at least 32 bytes"), refusal);
    }

    @Test
    void embedded_dev_mode_makes_a_key_under_the_data_directory_and_keeps_it() throws Exception {
        byte[] first;
        try (RunningService server = RunningService.start(settings())) {
            Path key = data.resolve(SigningKeys.DEV_KEY_FILE);
            assertTrue(Files.exists(key));
            first = Files.readString(key).trim().getBytes(StandardCharsets.UTF_8);
            String token = io.archivist.adapters.rest.security.TokenMinter.hs256(
                    first, "dev", List.of("ADMIN"), "local", Duration.ofMinutes(5), Instant.now());
            Api api = server.api();
            assertEquals(200, api.get("/api/v1/object-types", token).status());
            assertEquals(
                    401,
                    api.get("/api/v1/object-types", Tokens.of("dev", "local", "ADMIN"))
                            .status(),
                    "only the development key signs");
        }
        try (RunningService again = RunningService.start(settings())) {
            byte[] second = Files.readString(data.resolve(SigningKeys.DEV_KEY_FILE))
                    .trim()
                    .getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(first, second, "a restart keeps the key, so tokens stay valid");
            assertTrue(again.isRunning());
        }
    }

    @Test
    void the_data_directory_and_the_development_key_are_readable_by_their_owner_only() throws Exception {
        Path fresh = data.resolve("fresh");
        try (RunningService server = RunningService.start(settings("archivist.data-dir", fresh.toString()))) {
            assertTrue(server.isRunning());
        }
        assertEquals("rwx------", permissions(fresh), "H2's files, made with the umask, are out of others' reach");
        assertTrue(Files.exists(fresh.resolve("archivist.mv.db")));
        assertEquals("rw-------", permissions(fresh.resolve(SigningKeys.DEV_KEY_FILE)));

        // What an earlier version left open is closed at the next start.
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(
                fresh.resolve(SigningKeys.DEV_KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        try (RunningService again = RunningService.start(settings("archivist.data-dir", fresh.toString()))) {
            assertTrue(again.isRunning());
        }
        assertEquals("rwx------", permissions(fresh));
        assertEquals("rw-------", permissions(fresh.resolve(SigningKeys.DEV_KEY_FILE)));
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
