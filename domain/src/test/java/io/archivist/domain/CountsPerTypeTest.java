package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountsPerTypeTest {

    @Test
    void types_come_in_name_order_whatever_order_they_were_counted_in() {
        Map<String, Long> counted = new LinkedHashMap<>();
        counted.put("task", 4L);
        counted.put("comment", 2L);
        counted.put("project", 1L);

        CountsPerType counts = CountsPerType.of(counted);

        assertEquals(List.of("comment", "project", "task"), List.copyOf(counts.types()));
        assertEquals(
                List.of("comment", "project", "task"),
                List.copyOf(counts.asMap().keySet()));
        assertEquals("{comment=2, project=1, task=4}", counts.toString());
    }

    @Test
    void a_zero_count_is_dropped_so_equal_counts_are_equal_however_they_were_made() {
        Map<String, Long> withZero = new HashMap<>(Map.of("task", 0L, "project", 1L));

        CountsPerType counts = CountsPerType.of(withZero);

        assertEquals(List.of("project"), List.copyOf(counts.types()));
        assertEquals(CountsPerType.of("project", 1), counts);
        assertEquals(CountsPerType.of("project", 1).hashCode(), counts.hashCode());
        assertEquals(CountsPerType.none(), CountsPerType.of("task", 0));
        assertTrue(CountsPerType.builder().add("task", 0).build().isEmpty());
    }

    @Test
    void a_negative_count_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> CountsPerType.of("task", -1));
        assertThrows(IllegalArgumentException.class, () -> CountsPerType.of(Map.of("task", -3L)));
        assertThrows(
                IllegalArgumentException.class, () -> CountsPerType.builder().add("task", -1));
    }

    @Test
    void a_type_without_a_name_is_refused() {
        Map<String, Long> nameless = new HashMap<>();
        nameless.put(null, 1L);
        assertThrows(NullPointerException.class, () -> CountsPerType.of(nameless));
    }

    @Test
    void counts_and_totals_read_zero_for_what_is_not_there() {
        CountsPerType counts = CountsPerType.of(Map.of("project", 1L, "task", 4L));

        assertEquals(4, counts.of("task"));
        assertEquals(0, counts.of("label"));
        assertEquals(5, counts.total());
        assertEquals(0, CountsPerType.none().total());
        assertTrue(CountsPerType.none().isEmpty());
        assertFalse(counts.isEmpty());
    }

    @Test
    void a_total_beyond_a_long_is_an_error_not_a_wrapped_number() {
        CountsPerType huge = CountsPerType.of(Map.of("a", Long.MAX_VALUE, "b", 1L));
        assertThrows(ArithmeticException.class, huge::total);
        assertThrows(
                ArithmeticException.class,
                () -> CountsPerType.builder().add("a", Long.MAX_VALUE).add("a", 1));
    }

    @Test
    void plus_adds_type_by_type_and_leaves_both_sides_as_they_were() {
        CountsPerType first = CountsPerType.of(Map.of("project", 1L, "task", 2L));
        CountsPerType second = CountsPerType.of(Map.of("task", 3L, "comment", 1L));

        CountsPerType sum = first.plus(second);

        assertEquals(CountsPerType.of(Map.of("project", 1L, "task", 5L, "comment", 1L)), sum);
        assertEquals(CountsPerType.of(Map.of("project", 1L, "task", 2L)), first);
        assertEquals(CountsPerType.of(Map.of("task", 3L, "comment", 1L)), second);
        assertSame(first, first.plus(CountsPerType.none()));
        assertEquals(first, CountsPerType.none().plus(first));
    }

    @Test
    void minus_drops_a_type_that_comes_to_zero_and_refuses_to_go_below() {
        CountsPerType all = CountsPerType.of(Map.of("project", 1L, "task", 5L));

        CountsPerType left = all.minus(CountsPerType.of(Map.of("project", 1L, "task", 2L)));

        assertEquals(CountsPerType.of("task", 3), left);
        assertEquals(List.of("task"), List.copyOf(left.types()));
        assertEquals(CountsPerType.none(), all.minus(all));
        assertThrows(IllegalArgumentException.class, () -> all.minus(CountsPerType.of("task", 6)));
        assertThrows(IllegalArgumentException.class, () -> all.minus(CountsPerType.of("label", 1)));
        assertEquals(CountsPerType.of(Map.of("project", 1L, "task", 5L)), all, "minus leaves its receiver as it was");
    }

    @Test
    void nothing_outside_can_change_the_counts() {
        Map<String, Long> source = new HashMap<>(Map.of("task", 1L));
        CountsPerType counts = CountsPerType.of(source);
        source.put("task", 9L);
        source.put("project", 1L);

        assertEquals(CountsPerType.of("task", 1), counts);
        assertThrows(UnsupportedOperationException.class, () -> counts.asMap().put("task", 2L));
        assertThrows(UnsupportedOperationException.class, () -> counts.types().clear());

        CountsPerType.Builder builder = CountsPerType.builder().add("task");
        CountsPerType built = builder.build();
        builder.add("task");
        assertEquals(CountsPerType.of("task", 1), built, "a builder that goes on counting leaves what it built");
        assertEquals(CountsPerType.of("task", 2), builder.build());
    }
}
