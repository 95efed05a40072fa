package io.archivist.adapters.rest;

import io.archivist.adapters.rest.security.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Tokens signed with the tests' HS256 secret, and the broken ones docs/lifecycle.md#roles and docs/quality.md name. */
public final class Tokens {

    /** The secret RunningService's services trust. */
    public static final String SECRET = "archivist-test-secret-of-at-least-32-bytes";

    private Tokens() {}

    static String of(String sub, String workspace, String... roles) {
        return signed(SECRET, sub, workspace, List.of(roles));
    }

    static String signed(String secret, String sub, String workspace, List<String> roles) {
        return TokenMinter.hs256(
                secret.getBytes(StandardCharsets.UTF_8), sub, roles, workspace, Duration.ofHours(1), Instant.now());
    }

    /** A token with exactly these claims (JSON), signed HS256 with the tests' secret. */
    static String withClaims(String claimsJson) {
        return Jwt.hs256(SECRET.getBytes(StandardCharsets.UTF_8), claimsJson);
    }

    static String unsigned(String claimsJson) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claimsJson) + ".";
    }

    static long in(Duration duration) {
        return Instant.now().plus(duration).getEpochSecond();
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
