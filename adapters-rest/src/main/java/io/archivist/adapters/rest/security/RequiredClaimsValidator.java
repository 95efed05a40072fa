package io.archivist.adapters.rest.security;

import io.archivist.domain.Limits;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * docs/lifecycle.md#roles: a token without {@code exp}, or with a blank {@code sub} or one longer than R14 allows an
 * actor, is refused (401). Micronaut checks an {@code exp} that is there, but lets a token without one
 * live forever.
 */
@Singleton
class RequiredClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    @Override
    public boolean validate(Claims claims, T request) {
        Object subject = claims.get(Claims.SUBJECT);
        return claims.get(Claims.EXPIRATION_TIME) != null
                && subject instanceof String sub
                && !sub.isBlank()
                && sub.length() <= Limits.MAX_NAME_LENGTH;
    }
}
