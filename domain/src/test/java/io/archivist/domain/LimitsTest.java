package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** R14's limits on input, decided once for requests and seeds alike. */
class LimitsTest {

    @Test
    void r14_a_message_quotes_at_most_64_characters_of_client_text_then_an_ellipsis() {
        assertEquals("x".repeat(64), Limits.quote("x".repeat(64)));
        assertEquals("x".repeat(64) + "…", Limits.quote("x".repeat(100_000)));
        String detail = assertThrows(
                        ArchivistException.class,
                        () -> new ObjectType("t".repeat(100_000), true, List.of(), List.of(), Optional.empty()))
                .getMessage();
        assertEquals(true, detail.length() < 200, detail);
    }

    @Test
    void r14_names_keys_and_actors_are_at_most_255_characters() {
        Limits.requireName("n".repeat(255), "name");
        refused(() -> Limits.requireName("n".repeat(256), "name"));
        Limits.requireKey("k".repeat(255));
        refused(() -> Limits.requireKey("k".repeat(256)));
        refused(() -> Caller.user("s".repeat(256), WorkspaceId.of("w"), java.util.Set.of(Role.ADMIN)));
        refused(() -> Limits.attributes(Map.of("a".repeat(256), 1)));
        assertThrows(
                ArchivistException.class,
                () -> new ObjectType("t", true, List.of(), List.of("u".repeat(1100)), Optional.empty()));
    }

    @Test
    void r14_integers_fit_64_bits_and_other_numbers_are_finite_doubles() {
        assertEquals(Map.of("n", Long.MAX_VALUE), Limits.attributes(Map.of("n", BigInteger.valueOf(Long.MAX_VALUE))));
        assertEquals(Map.of("n", 7L), Limits.attributes(Map.of("n", 7)));
        refused(() -> Limits.attributes(Map.of("n", new BigInteger("1" + "0".repeat(39)))));
        refused(() ->
                Limits.attributes(Map.of("n", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE))));
        refused(() -> Limits.attributes(Map.of("n", new BigDecimal("1e999"))));
        refused(() -> Limits.attributes(Map.of("n", Double.NaN)));
        assertEquals(Map.of("n", 1.5), Limits.attributes(Map.of("n", new BigDecimal("1.5"))));
    }

    @Test
    void r14_attributes_nest_at_most_32_levels_counted_from_the_record() {
        // The record is level 1 and its attributes object level 2: 30 more levels fit.
        Limits.attributes(nested(30));
        refused(() -> Limits.attributes(nested(31)));
        refused(() -> Limits.attributes(Map.of("list", List.of(List.of(nested(29))))));
    }

    @Test
    void r14_times_are_those_every_store_keeps() {
        Limits.requireStorableTime(Limits.EARLIEST_TIME, "deleted_at");
        refused(() -> Limits.requireStorableTime(Instant.parse("1969-12-31T23:59:59Z"), "deleted_at"));
        refused(() -> Limits.requireStorableTime(Instant.MIN, "deleted_at"));
        refused(() -> Limits.requireStorableTime(Instant.parse("+10000-01-01T00:00:00Z"), "deleted_at"));
    }

    @Test
    void r14_text_holds_no_nul_and_no_half_surrogate_pair() {
        refused(() -> Limits.attributes(Map.of("s", "a\u0000")));
        refused(() -> Limits.attributes(Map.of("s", "\ud800")));
        Limits.attributes(Map.of("s", "\ud83d\udca9"));
    }

    /** An object holding {@code levels} nested objects. */
    private static Map<String, Object> nested(int levels) {
        Map<String, Object> inner = new HashMap<>();
        for (int i = 0; i < levels; i++) {
            inner = new HashMap<>(Map.of("a", inner));
        }
        return inner;
    }

    private static void refused(org.junit.jupiter.api.function.Executable action) {
        assertEquals(
                ErrorCode.VALIDATION_FAILED,
                assertThrows(ArchivistException.class, action).code());
    }
}
