package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.archivist.adapters.rest.security.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line of the README's Run and Configuration: {@code --help} and {@code token}. */
class CliTest {

    @TempDir
    Path data;

    @RegisterExtension
    final CommandLineHarness cli = new CommandLineHarness();

    private int run(String... args) {
        return cli.run(data, args);
    }

    @Test
    void help_lists_the_commands() {
        assertEquals(0, run("--help"));
        for (String command : List.of("serve", "token", "help")) {
            assertTrue(cli.out().contains(command), cli::out);
        }
    }

    @Test
    void token_prints_a_token_signed_with_the_development_key_in_embedded_mode() throws Exception {
        assertEquals(
                0,
                run("token", "--sub", "alice", "--roles", "ADMIN,MEMBER", "--workspace", "acme", "--ttl", "2h"),
                cli::err);
        String token = cli.out().trim();
        assertEquals(1, cli.out().lines().count(), "the token alone, so that $(...) captures it");
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
        assertEquals(0, cli.run(fresh, "token", "--sub", "alice", "--roles", "ADMIN", "--workspace", "acme"), cli::err);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve(SigningKeys.DEV_KEY_FILE))));
    }

    @Test
    void token_uses_the_configured_secret() throws Exception {
        System.setProperty("archivist.jwt.secret", Tokens.SECRET);
        assertEquals(0, run("token", "--sub", "bob", "--roles", "MEMBER", "--workspace", "acme"), cli::err);
        assertTrue(SignedJWT.parse(cli.out().trim())
                .verify(new MACVerifier(Tokens.SECRET.getBytes(StandardCharsets.UTF_8))));
        assertTrue(Files.notExists(data.resolve(SigningKeys.DEV_KEY_FILE)));
    }

    @Test
    void token_refuses_unknown_roles_bad_workspaces_and_durations() {
        assertEquals(2, run("token", "--sub", "a", "--roles", "OWNER", "--workspace", "acme"));
        assertTrue(cli.err().contains("OWNER"), cli::err);
        assertEquals("", cli.out());
        assertEquals(2, run("token", "--sub", "a", "--roles", "ADMIN", "--workspace", "no/such"));
        assertEquals("", cli.out());
        assertEquals(2, run("token", "--sub", "a", "--roles", "ADMIN", "--workspace", "acme", "--ttl", "forever"));
        assertEquals("", cli.out());
        assertEquals(2, run("token", "--sub", "a", "--roles", "ADMIN"), "the workspace is required");
        assertEquals("", cli.out());
    }
}
