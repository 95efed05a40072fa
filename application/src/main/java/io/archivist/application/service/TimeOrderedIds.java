package io.archivist.application.service;

import io.archivist.application.port.out.IdGenerator;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): the first 48 bits are the milliseconds of creation, so ids sort in
 * creation order and keyset pages list records oldest first, and inserts stay at the end of
 * an index instead of scattering over it.
 */
public final class TimeOrderedIds implements IdGenerator {

    private final SecureRandom random = new SecureRandom();

    @Override
    public UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
