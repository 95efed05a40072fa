package io.archivist.domain;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.util.Locale;

/**
 * How long an archived record of a type is kept before the retention job purges it (R11).
 * An ISO-8601 duration: a date part (P30D, P1Y2M) or a time part (PT12H), not both mixed
 * with years or months, because java.time splits them into Period and Duration.
 * At most 1000 years, so that both {@link #purgeAfter} and {@link #cutoff} stay in every
 * store's date range (a longer one would be accepted once, then fail every read and job run).
 */
public record Retention(String iso) {

    /** The longest text of a retention the stores keep. */
    public static final int MAX_LENGTH = 64;
    /** The end of a day to the microsecond, the finest time stores keep: PostgreSQL rounds nanoseconds up. */
    private static final LocalTime END_OF_DAY = LocalTime.MAX.truncatedTo(ChronoUnit.MICROS);

    private static final Instant LONGEST_FROM_EPOCH =
            LocalDate.of(2970, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    public Retention {
        if (iso == null || iso.isBlank()) {
            throw invalid("retention must be an ISO-8601 duration such as P30D");
        }
        iso = iso.toUpperCase(Locale.ROOT);
        if (iso.length() > MAX_LENGTH) {
            // Leading zeros can make a short duration long: the stores keep at most this many characters.
            throw invalid("retention '" + Limits.quote(iso) + "' is longer than " + MAX_LENGTH + " characters");
        }
        requireValid(iso);
    }

    private static void requireValid(String iso) {
        TemporalAmount amount;
        try {
            amount = amount(iso);
        } catch (DateTimeParseException e) {
            throw invalid("retention '" + Limits.quote(iso) + "' is not an ISO-8601 duration such as P30D or PT12H");
        }
        boolean positive = amount instanceof Duration duration
                ? !duration.isNegative() && !duration.isZero()
                : !((Period) amount).isNegative() && !((Period) amount).isZero();
        if (!positive) {
            throw invalid("retention '" + Limits.quote(iso) + "' must be positive");
        }
        boolean tooLong;
        try {
            tooLong = plus(amount, Instant.EPOCH).isAfter(LONGEST_FROM_EPOCH);
        } catch (DateTimeException | ArithmeticException e) {
            tooLong = true;
        }
        if (tooLong) {
            throw invalid("retention '" + Limits.quote(iso) + "' is longer than 1000 years");
        }
    }

    private static TemporalAmount amount(String iso) {
        return iso.contains("T") ? Duration.parse(iso) : Period.parse(iso);
    }

    private static Instant plus(TemporalAmount amount, Instant at) {
        return amount instanceof Duration duration
                ? at.plus(duration)
                : LocalDateTime.ofInstant(at, ZoneOffset.UTC).plus(amount).toInstant(ZoneOffset.UTC);
    }

    /** R11: the moment from which a record archived at {@code deletedAt} is due for purge. */
    public Instant purgeAfter(Instant deletedAt) {
        return plus(amount(iso), deletedAt);
    }

    /**
     * The newest archive time that is already due at {@code now}: records archived at or before it
     * expire, exactly those whose {@link #purgeAfter} is not after {@code now} (to the microsecond).
     */
    public Instant cutoff(Instant now) {
        TemporalAmount amount = amount(iso);
        if (amount instanceof Duration duration) {
            return now.minus(duration);
        }
        // Calendar months are uneven, so subtracting is not the inverse of adding: Jan 29, 30 and
        // 31 plus P1M all fall due on Feb 28. Find the last archive day that is due today; adding a
        // period never moves a later day earlier, so a few steps from now minus the period reach it.
        Period period = (Period) amount;
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        LocalDate today = at.toLocalDate();
        LocalDate day = today.minus(period);
        while (day.plus(period).isAfter(today)) {
            day = day.minusDays(1);
        }
        while (!day.plusDays(1).plus(period).isAfter(today)) {
            day = day.plusDays(1);
        }
        // A day that fell due before today is due whole; one that falls due today, up to now's time.
        LocalTime until = day.plus(period).isBefore(today) ? END_OF_DAY : at.toLocalTime();
        return day.atTime(until).toInstant(ZoneOffset.UTC);
    }

    private static ArchivistException invalid(String message) {
        return new ArchivistException(ErrorCode.INVALID_OBJECT_TYPE, message);
    }

    @Override
    public String toString() {
        return iso;
    }
}
