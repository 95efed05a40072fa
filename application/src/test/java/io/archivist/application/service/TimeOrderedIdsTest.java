package io.archivist.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keyset pages list records oldest first (docs/api.md paging): ids must sort in the order they were made. */
class TimeOrderedIdsTest {

    @Test
    void ids_made_in_a_burst_sort_in_the_order_they_were_made() {
        TimeOrderedIds ids = new TimeOrderedIds();
        List<String> made = new ArrayList<>();
        // Tens of thousands of ids: many share a millisecond, and some milliseconds overflow the counter.
        for (int i = 0; i < 50_000; i++) {
            made.add(ids.next().toString());
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null); // the order of the text form, which is the databases' order of the 16 bytes
        assertEquals(made, sorted);
        assertEquals(50_000, made.stream().distinct().count());
    }

    @Test
    void ids_are_version_7_with_the_rfc_variant() {
        UUID id = new TimeOrderedIds().next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
    }
}
