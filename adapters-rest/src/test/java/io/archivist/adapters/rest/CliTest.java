package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.archivist.adapters.rest.cli.ArchivistCommand;
import io.archivist.adapters.rest.security.SigningKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line of the README's Run and Configuration: {@code --help} and {@code token}. */
class CliTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        System.setProperty("archivist.data-dir", data.toString());
        CommandLine commandLine = new CommandLine(new ArchivistCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @AfterEach
    void clear() {
        System.clearProperty("archivist.data-dir");
        System.clearProperty("archivist.jwt.secret");
    }

    @Test
    void help_lists_the_commands() {
        assertEquals(0, run("--help"));
        for (String command : List.of("serve", "token", "help")) {
            assertTrue(out.toString().contains(command), out::toString);
        }
    }

    @Test
    void token_prints_a_token_signed_with_the_development_key_in_embedded_mode() throws Exception {
        assertEquals(
                0,
                run("token", "--sub", "alice", "--roles", "ADMIN,MEMBER", "--workspace", "acme", "--ttl", "2h"),
                err::toString);
        String token = out.toString().trim();
        assertEquals(1, out.toString().lines().count(), "the token alone, so that $(...) captures it");
        byte[] key =
                Files.readString(data.resolve(SigningKeys.DEV_KEY_FILE)).trim().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new MACVerifier(key)));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("ADMIN", "MEMBER"), claims.getStringListClaim("roles"));
        assertEquals("acme", claims.getStringClaim("workspace"));
        Duration ttl =
                Duration.between(Instant.now(), claims.getExpirationTime().toInstant());
        assertTrue(
                ttl.compareTo(Duration.ofMinutes(119)) > 0 && ttl.compareTo(Duration.ofHours(2)) <= 0, ttl::toString);
    }

    @Test
    void token_makes_the_data_directory_and_the_development_key_readable_by_their_owner_only() throws Exception {
        Path fresh = data.resolve("fresh");
        System.setProperty("archivist.data-dir", fresh.toString());
        CommandLine commandLine = new CommandLine(new ArchivistCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(
                0,
                commandLine.execute("token", "--sub", "alice", "--roles", "ADMIN", "--workspace", "acme"),
                err::toString);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve(SigningKeys.DEV_KEY_FILE))));
    }

    @Test
    void token_uses_the_configured_secret() throws Exception {
        System.setProperty("archivist.jwt.secret", Tokens.SECRET);
        assertEquals(0, run("token", "--sub", "bob", "--roles", "MEMBER", "--workspace", "acme"), err::toString);
        assertTrue(SignedJWT.parse(out.toString().trim())
                .verify(new MACVerifier(Tokens.SECRET.getBytes(StandardCharsets.UTF_8))));
        assertTrue(Files.notExists(data.resolve(SigningKeys.DEV_KEY_FILE)));
    }

    @Test
    void token_refuses_unknown_roles_bad_workspaces_and_durations() {
        assertEquals(2, run("token", "--sub", "a", "--roles", "OWNER", "--workspace", "acme"));
        assertEquals(2, run("token", "--sub", "a", "--roles", "ADMIN", "--workspace", "no/such"));
        assertEquals(2, run("token", "--sub", "a", "--roles", "ADMIN", "--workspace", "acme", "--ttl", "forever"));
        assertEquals(2, run("token", "--sub", "a", "--roles", "ADMIN"), "the workspace is required");
        assertTrue(err.toString().contains("OWNER"), err::toString);
        assertEquals("", out.toString());
    }
}
