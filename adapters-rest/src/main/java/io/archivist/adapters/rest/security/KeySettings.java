package io.archivist.adapters.rest.security;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the README's Run and Configuration decides the signing key from: the configured HS256 secret, an identity provider's
 * JWKS URL, and whether the service runs on the embedded default store (dev mode).
 *
 * @param secret        {@code archivist.jwt.secret} ({@code ARCHIVIST_JWT_SECRET})
 * @param jwksUrl       {@code archivist.jwt.jwks-url} ({@code ARCHIVIST_JWT_JWKS_URL})
 * @param store         {@code archivist.store} ({@code ARCHIVIST_STORE}): jdbc (default) or mongo
 * @param datasourceUrl {@code datasources.default.url} ({@code DATASOURCES_DEFAULT_URL})
 * @param dataDir       {@code archivist.data-dir}: where the embedded store and the dev key live
 */
public record KeySettings(
        Optional<String> secret, Optional<String> jwksUrl, String store, Optional<String> datasourceUrl, Path dataDir) {

    public KeySettings {
        secret = secret.filter(s -> !s.isBlank());
        jwksUrl = jwksUrl.filter(s -> !s.isBlank());
        store = store == null || store.isBlank() ? "jdbc" : store.trim().toLowerCase(Locale.ROOT);
        datasourceUrl = datasourceUrl.filter(s -> !s.isBlank());
    }

    /**
     * The embedded default: the JDBC store on an H2 database inside this process. A networked H2
     * (tcp, ssl) is a server like any other, so it is not embedded.
     */
    public boolean embedded() {
        if (!store.equals("jdbc")) {
            return false;
        }
        return datasourceUrl
                .map(url -> {
                    String lower = url.toLowerCase(Locale.ROOT);
                    return lower.startsWith("jdbc:h2:")
                            && !lower.startsWith("jdbc:h2:tcp:")
                            && !lower.startsWith("jdbc:h2:ssl:");
                })
                .orElse(true);
    }
}
