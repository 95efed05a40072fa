package io.archivist.application.service;

import io.archivist.application.port.out.IdGenerator;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562): the first 48 bits are the milliseconds of creation, so ids sort in
 * creation order and keyset pages list records oldest first, and inserts stay at the end of
 * an index instead of scattering over it. Within one millisecond the next 12 bits count up
 * (RFC 9562's fixed-length counter, started at a random value in its lower half), so ids made
 * in a burst sort in the order they were made too; a clock that steps back never reorders them.
 */
public final class TimeOrderedIds implements IdGenerator {

    private static final int COUNTER_MAX = 0xFFF;

    private final SecureRandom random = new SecureRandom();
    private long millis = -1;
    private int counter;

    @Override
    public UUID next() {
        long high;
        synchronized (this) {
            long now = System.currentTimeMillis();
            if (now > millis) {
                millis = now;
                counter = random.nextInt((COUNTER_MAX + 1) / 2);
            } else if (++counter > COUNTER_MAX) {
                // 4,096 ids within one millisecond: the next millisecond's ids start early.
                millis++;
                counter = 0;
            }
            high = (millis << 16) | 0x7000L | counter;
        }
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
