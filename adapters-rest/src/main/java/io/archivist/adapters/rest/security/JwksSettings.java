package io.archivist.adapters.rest.security;

import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * RS256 keys from an identity provider's JWKS URL ({@code ARCHIVIST_JWT_JWKS_URL}). Micronaut
 * Security builds its JWKS signature check for each bean of this type.
 */
@Singleton
@Named("archivist")
@Requires(property = "archivist.jwt.jwks-url", pattern = ".+")
class JwksSettings implements JwksSignatureConfiguration {

    private final String url;

    JwksSettings(@Value("${archivist.jwt.jwks-url}") String url) {
        this.url = url;
    }

    @Override
    public String getUrl() {
        return url;
    }

    @Override
    public KeyType getKeyType() {
        return KeyType.RSA;
    }

    @Override
    @SuppressWarnings("removal")
    public Integer getCacheExpiration() {
        return 60;
    }

    @Override
    public String getName() {
        return "archivist";
    }
}
