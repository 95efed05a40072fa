package io.archivist.domain;

import static io.archivist.domain.TestCatalog.archivable;
import static io.archivist.domain.TestCatalog.withUnique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** R6: unique values compare in one canonical text, the same in every store. */
class UniqueValuesTest {

    private static String canonical(Object value) {
        return UniqueValues.canonical("badge", value);
    }

    @Test
    void r6_a_string_and_a_number_that_read_alike_are_different_values() {
        assertNotEquals(canonical("1"), canonical(1));
        assertNotEquals(canonical("true"), canonical(true));
        assertNotEquals(canonical("1"), canonical(true));
    }

    static Stream<List<Object>> sameNumbers() {
        return Stream.of(
                List.of(1, 1L, 1.0, 1.0f, new BigDecimal("1.000"), BigInteger.ONE, (short) 1),
                List.of(100, 100.0, new BigDecimal("1E+2"), new BigDecimal("100.00")),
                List.of(0, 0.0, -0.0, new BigDecimal("0E-10")),
                List.of(0.5, 0.5f, new BigDecimal("0.50")),
                List.of(12345678901234L, 1.2345678901234E13),
                List.of(-3, -3.0));
    }

    @ParameterizedTest
    @MethodSource("sameNumbers")
    void r6_numbers_compare_by_value(List<Object> equalValues) {
        String first = canonical(equalValues.get(0));
        for (Object value : equalValues) {
            assertEquals(
                    first,
                    canonical(value),
                    () -> value + " (" + value.getClass().getSimpleName() + ")");
        }
    }

    @Test
    void r6_different_numbers_and_strings_stay_different() {
        assertNotEquals(canonical(1), canonical(1.5));
        assertNotEquals(canonical(10), canonical(1));
        assertNotEquals(canonical(-1), canonical(1));
        assertNotEquals(canonical("Ann"), canonical("ann"), "strings compare exactly");
        assertNotEquals(canonical("ann "), canonical("ann"));
        assertNotEquals(canonical(true), canonical(false));
    }

    @Test
    void r6_only_scalars_can_be_unique() {
        for (Object value : List.of(Map.of("$ne", 1), List.of(1), List.of(), new Object())) {
            ArchivistException e = assertThrows(ArchivistException.class, () -> canonical(value));
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), value::toString);
            assertTrue(e.getMessage().contains("'badge'"), e.getMessage());
        }
    }

    @Test
    void r6_a_number_that_is_not_finite_is_refused() {
        for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)) {
            ArchivistException e = assertThrows(ArchivistException.class, () -> canonical(value));
            assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), value::toString);
        }
    }

    @Test
    void r6_a_record_holds_a_value_for_each_unique_attribute_it_has_and_not_null() {
        ObjectType person = withUnique(archivable("person"), "email", "badge", "phone");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("email", "ann@acme");
        attributes.put("badge", null);
        attributes.put("name", Map.of("not", "unique"));
        assertEquals(Map.of("email", canonical("ann@acme")), UniqueValues.of(person, attributes));
        assertEquals(Map.of(), UniqueValues.of(person, Map.of()));
        assertEquals(
                Map.of(),
                UniqueValues.of(archivable("note"), Map.of("email", "ann@acme")),
                "a type without unique attributes holds nothing");
    }

    @Test
    void r6_an_object_in_a_unique_attribute_is_refused_for_the_record() {
        ObjectType person = withUnique(archivable("person"), "email");
        ArchivistException e = assertThrows(
                ArchivistException.class, () -> UniqueValues.of(person, Map.of("email", Map.of("$ne", ""))));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
    }
}
