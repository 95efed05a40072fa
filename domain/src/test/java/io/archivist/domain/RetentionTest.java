package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** R11: a type's retention is an ISO-8601 duration; archived records older than it are purged. */
class RetentionTest {

    @ParameterizedTest
    @CsvSource({
        "P30D,     2026-01-15T10:00:00Z, 2026-02-14T10:00:00Z",
        "PT12H,    2026-01-15T10:00:00Z, 2026-01-15T22:00:00Z",
        "P1M,      2026-01-15T10:00:00Z, 2026-02-15T10:00:00Z",
        "P1Y,      2026-01-15T10:00:00Z, 2027-01-15T10:00:00Z",
        "P2W,      2026-01-15T10:00:00Z, 2026-01-29T10:00:00Z",
        "P1DT12H,  2026-01-15T10:00:00Z, 2026-01-16T22:00:00Z",
        "PT90M,    2026-01-15T10:00:00Z, 2026-01-15T11:30:00Z",
        "p30d,     2026-01-15T10:00:00Z, 2026-02-14T10:00:00Z",
        // calendar months: the end of a shorter month, as java.time and PostgreSQL count them
        "P1M,      2026-01-31T10:00:00Z, 2026-02-28T10:00:00Z",
        "P1Y,      2028-02-29T10:00:00Z, 2029-02-28T10:00:00Z"
    })
    void r11_purge_after_is_the_archive_time_plus_the_retention(String iso, Instant deletedAt, Instant expected) {
        assertEquals(expected, new Retention(iso).purgeAfter(deletedAt));
    }

    @Test
    void r11_retention_is_kept_in_upper_case() {
        assertEquals("P30D", new Retention("p30d").iso());
        assertEquals("PT12H", new Retention("pt12h").toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "30d", "30 days", "P", "PT", "P30", "T12H", "P1.5D", "P30D ", "P1Y2M3DT4H", "P1MT1H"})
    void r11_what_is_not_an_iso_8601_duration_is_refused(String iso) {
        ArchivistException e = assertThrows(ArchivistException.class, () -> new Retention(iso));
        assertEquals(ErrorCode.INVALID_OBJECT_TYPE, e.code());
        assertTrue(e.getMessage().contains("P30D"), () -> "the message shows an example: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0D", "PT0S", "P0Y0M0D", "P-1D", "-P1D", "PT-1H", "P1M-1D", "-PT12H", "PT1H-60M"})
    void r11_a_zero_or_negative_retention_is_refused(String iso) {
        ArchivistException e = assertThrows(ArchivistException.class, () -> new Retention(iso));
        assertEquals(ErrorCode.INVALID_OBJECT_TYPE, e.code());
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    /** Accepted once, a retention is computed on every read of an archived record and every job run. */
    @ParameterizedTest
    @ValueSource(strings = {"P999999999Y", "P1001Y", "P12013M", "P366000D", "PT2562047788015215H", "PT9000000H"})
    void r11_a_retention_too_long_to_compute_is_refused_when_defined(String iso) {
        ArchivistException e = assertThrows(ArchivistException.class, () -> new Retention(iso));
        assertEquals(ErrorCode.INVALID_OBJECT_TYPE, e.code());
        assertTrue(e.getMessage().contains(iso), e.getMessage());
    }

    /** R14: a short duration written with 70 digits would not fit the stores' column. */
    @Test
    void r14_a_retention_longer_than_64_characters_is_refused_and_quoted_briefly() {
        String iso = "P" + "0".repeat(69) + "1D";
        ArchivistException e = assertThrows(ArchivistException.class, () -> new Retention(iso));
        assertEquals(ErrorCode.INVALID_OBJECT_TYPE, e.code());
        assertTrue(e.getMessage().contains("64 characters") && !e.getMessage().contains(iso), e.getMessage());
        assertEquals("P1D", new Retention("P" + "0".repeat(61) + "1D").iso().replaceAll("P0+", "P"));
    }

    @Test
    void r11_the_longest_retention_still_computes_at_both_ends() {
        Retention longest = new Retention("P1000Y");
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        assertEquals(Instant.parse("3026-11-23T12:00:00Z"), longest.purgeAfter(now));
        assertEquals(Instant.parse("1026-11-23T12:00:00Z"), longest.cutoff(now));
    }

    /**
     * The retention job purges what was archived at or before {@code cutoff(now)}; a record shows
     * {@code purgeAfter(deletedAt)}. They must agree: a record is due exactly when its purge_after
     * has come. As purgeAfter never decreases, it is enough that the cutoff itself is due and the
     * next microsecond (the finest time stores keep) is not. Month ends and a leap day are where
     * calendar arithmetic goes wrong.
     */
    @Test
    void r11_purge_after_and_cutoff_agree_on_every_day_around_month_ends() {
        List<String> retentions = List.of("P30D", "PT12H", "P1DT1H", "P2W", "P1M", "P3M", "P1M2D", "P1Y", "P1Y1M");
        List<LocalTime> times = List.of(LocalTime.MIDNIGHT, LocalTime.of(10, 30), LocalTime.MAX);
        for (String iso : retentions) {
            Retention retention = new Retention(iso);
            for (LocalDate day = LocalDate.of(2027, 12, 1);
                    day.isBefore(LocalDate.of(2028, 5, 2));
                    day = day.plusDays(1)) {
                for (LocalTime time : times) {
                    Instant now = day.atTime(time).toInstant(ZoneOffset.UTC);
                    Instant cutoff = retention.cutoff(now);
                    assertFalse(
                            retention.purgeAfter(cutoff).isAfter(now),
                            () -> iso + " at " + now + ": archived at the cutoff " + cutoff + " is not due yet");
                    Instant justAfter = cutoff.plus(1, ChronoUnit.MICROS);
                    assertTrue(
                            retention.purgeAfter(justAfter).isAfter(now),
                            () -> iso + " at " + now + ": archived at " + justAfter
                                    + ", after the cutoff, is due already" + " (purge_after "
                                    + retention.purgeAfter(justAfter) + ")");
                }
            }
        }
    }

    @Test
    void r11_a_day_that_fell_due_in_full_is_due_to_its_last_microsecond() {
        // Feb 28 plus P1M is Mar 28: on Mar 30 all of Feb 28 is due, nothing of Mar 1 (due Apr 1).
        assertEquals(
                Instant.parse("2027-02-28T23:59:59.999999Z"),
                new Retention("P1M").cutoff(Instant.parse("2027-03-30T10:00:00Z")));
        // Jan 29, 30 and 31 plus P1M are all Feb 28: on Feb 28 at 10:00 they are due up to 10:00.
        assertEquals(
                Instant.parse("2027-01-31T10:00:00Z"),
                new Retention("P1M").cutoff(Instant.parse("2027-02-28T10:00:00Z")));
    }

    @Test
    void r11_a_record_is_due_once_its_purge_after_has_come() {
        Retention retention = new Retention("P30D");
        Instant deletedAt = Instant.parse("2026-01-15T10:00:00Z");
        Instant purgeAfter = retention.purgeAfter(deletedAt);
        assertTrue(deletedAt.isAfter(retention.cutoff(purgeAfter.minusNanos(1))), "not due a moment before");
        assertFalse(deletedAt.isAfter(retention.cutoff(purgeAfter)), "due at purge_after");
        assertEquals(Duration.ofDays(30), Duration.between(retention.cutoff(purgeAfter), purgeAfter));
    }
}
