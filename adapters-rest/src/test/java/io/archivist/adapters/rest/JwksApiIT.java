package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * RS256 tokens of an identity provider, checked against its JWKS (served here on loopback), with
 * no HS256 secret configured: the RS/HS confusion and the other forgeries get a 401.
 */
class JwksApiIT extends ApiTest {

    private final RSAKey providerKey = rsa("provider");
    private HttpServer jwks;

    @Override
    Map<String, String> moreProperties() {
        if (jwks == null) {
            jwks = startJwks();
        }
        return Map.of(
                "archivist.jwt.secret",
                "",
                "archivist.jwt.jwks-url",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json",
                // The plain JDK client fetches the keys, as in the service (whose classpath has no Micronaut client).
                "micronaut.security.token.jwt.signatures.jwks-client.http-client.enabled",
                "false");
    }

    private HttpServer startJwks() {
        HttpServer jwks;
        try {
            jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] keys = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keys);
            }
        });
        jwks.start();
        return jwks;
    }

    @AfterAll
    void stopJwks() {
        jwks.stop(0);
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(boolean withExp) {
        return "{\"sub\": \"ann\", \"roles\": [\"ADMIN\"], \"workspace\": \"acme\""
                + (withExp ? ", \"exp\": " + Tokens.in(Duration.ofMinutes(5)) : "") + "}";
    }

    private int status(String token) {
        return api().get("/api/v1/object-types", token).status();
    }

    @Test
    void an_rs256_token_of_the_identity_provider_passes() {
        assertEquals(200, status(Jwt.rs256(providerKey, claims(true))));
    }

    @Test
    void forged_and_confused_tokens_are_401() throws JOSEException {
        assertEquals(401, status(Jwt.rs256(rsa("provider"), claims(true))), "another RSA key under the same kid");
        byte[] publicKey = providerKey.toRSAPublicKey().getEncoded();
        assertEquals(401, status(Jwt.hs256(padded(publicKey), claims(true))), "HS256 keyed with the public key");
        assertEquals(
                401,
                status(Jwt.hs256(
                        providerKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8), claims(true))),
                "HS256 keyed with the public JWK");
        assertEquals(401, status(Tokens.of("ann", "acme", "ADMIN")), "no HS256 secret is configured here");
        assertEquals(401, status(Tokens.unsigned(claims(true))), "alg none");
        assertEquals(401, status(Jwt.rs256(providerKey, claims(false))), "no exp");
    }

    private static byte[] padded(byte[] key) {
        return key.length >= 32 ? key : java.util.Arrays.copyOf(key, 32);
    }
}
