package io.archivist.adapters.rest.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the signing keys first thing as the service starts (before any store connects), so that a
 * service without one never serves.
 */
@Factory
class SigningKeysFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeysFactory.class);

    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SigningKeys signingKeys(
            @Nullable @Value("${archivist.jwt.secret:}") String secret,
            @Nullable @Value("${archivist.jwt.jwks-url:}") String jwksUrl,
            @Nullable @Value("${archivist.store:jdbc}") String store,
            @Nullable @Value("${datasources.default.url:}") String datasourceUrl,
            @Value("${archivist.data-dir:./data}") String dataDir) {
        SigningKeys keys = SigningKeys.resolve(new KeySettings(
                Optional.ofNullable(secret),
                Optional.ofNullable(jwksUrl),
                store,
                Optional.ofNullable(datasourceUrl),
                Path.of(dataDir)));
        keys.devKeyFile()
                .ifPresent(file -> LOG.warn(
                        "Embedded dev mode: no ARCHIVIST_JWT_SECRET is set, so tokens are signed with the development key {}"
                                + " ({}). `java -jar archivist.jar token ...` uses the same key. Set ARCHIVIST_JWT_SECRET"
                                + " or ARCHIVIST_JWT_JWKS_URL for anything but local use.",
                        file.toAbsolutePath().normalize(),
                        keys.devKeyCreated() ? "created now" : "kept from an earlier start"));
        keys.jwksUrl().ifPresent(url -> LOG.info("Accepting RS256 tokens signed by the keys at {}", url));
        return keys;
    }
}
