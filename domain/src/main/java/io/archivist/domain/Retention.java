package io.archivist.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * How long an archived record of a type is kept before the retention job purges it (R11).
 * An ISO-8601 duration: a date part (P30D, P1Y2M) or a time part (PT12H), not both mixed
 * with years or months, because java.time splits them into Period and Duration.
 */
public record Retention(String iso) {

    public Retention {
        if (iso == null || iso.isBlank()) {
            throw new ArchivistException(ErrorCode.INVALID_OBJECT_TYPE, "retention must be an ISO-8601 duration such as P30D");
        }
        iso = iso.toUpperCase();
        parse(iso);
    }

    private static void parse(String iso) {
        try {
            if (iso.contains("T")) {
                requirePositive(Duration.parse(iso).isNegative() || Duration.parse(iso).isZero(), iso);
            } else {
                Period period = Period.parse(iso);
                requirePositive(period.isNegative() || period.isZero(), iso);
            }
        } catch (DateTimeParseException e) {
            throw new ArchivistException(ErrorCode.INVALID_OBJECT_TYPE,
                    "retention '" + iso + "' is not an ISO-8601 duration such as P30D or PT12H");
        }
    }

    private static void requirePositive(boolean notPositive, String iso) {
        if (notPositive) {
            throw new ArchivistException(ErrorCode.INVALID_OBJECT_TYPE, "retention '" + iso + "' must be positive");
        }
    }

    /** R11: the moment from which a record archived at {@code deletedAt} is due for purge. */
    public Instant purgeAfter(Instant deletedAt) {
        if (iso.contains("T")) {
            return deletedAt.plus(Duration.parse(iso));
        }
        return deletedAt.atZone(ZoneOffset.UTC).plus(Period.parse(iso)).toInstant();
    }

    /** The newest archive time that is already due at {@code now}: records archived at or before it expire. */
    public Instant cutoff(Instant now) {
        if (iso.contains("T")) {
            return now.minus(Duration.parse(iso));
        }
        return now.atZone(ZoneOffset.UTC).minus(Period.parse(iso)).toInstant();
    }

    @Override
    public String toString() {
        return iso;
    }
}
