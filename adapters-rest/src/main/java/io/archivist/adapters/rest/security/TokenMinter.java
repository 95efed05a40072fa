package io.archivist.adapters.rest.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs the tokens of the README's Run and Configuration ({@code sub}, {@code roles}, {@code workspace}, {@code exp}) for local use. */
public final class TokenMinter {

    private TokenMinter() {}

    public static String hs256(
            byte[] secret, String sub, List<String> roles, String workspace, Duration ttl, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .claim(Claimed.ROLES, List.copyOf(roles))
                .claim(Claimed.WORKSPACE, workspace)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
