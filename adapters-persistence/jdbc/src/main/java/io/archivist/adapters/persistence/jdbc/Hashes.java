package io.archivist.adapters.persistence.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in hex: fixed-size index keys for values of any length (unique values, idempotency keys). */
final class Hashes {

    private Hashes() {}

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** R6: one attribute's canonical value (UniqueValues); the length prefix keeps name and value apart. */
    static String uniqueValue(String attribute, String canonicalValue) {
        return sha256(attribute.length() + ":" + attribute + canonicalValue);
    }
}
