package io.archivist.adapters.rest.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Singleton;

/**
 * Checks HS256 tokens against the configured (or development) secret. Only HS256: a token whose
 * header names another algorithm is not checked with this secret, so that an RS256 public key
 * used as an HMAC secret (the RS/HS confusion) gets nowhere.
 */
@Singleton
class Hs256Signature implements SignatureConfiguration {

    private final SigningKeys keys;

    Hs256Signature(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "HS256 with the configured secret";
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.HS256.equals(algorithm) && keys.hs256Secret().isPresent();
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        if (!supports(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        return jwt.verify(new MACVerifier(keys.hs256Secret().orElseThrow()));
    }
}
