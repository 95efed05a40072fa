package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * R14 over HTTP: archivist.lifecycle.max-page-bytes ends a page of large records before its limit,
 * with a next_cursor, and the cursors still walk every record once.
 */
class PageBytesApiIT extends ApiTest {

    @Override
    Map<String, String> moreProperties() {
        return Map.of("archivist.lifecycle.max-page-bytes", "2000");
    }

    @Test
    void r14_a_page_of_large_records_ends_early_with_a_cursor() {
        Workspace ws = workspace();
        ws.type("doc", false);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(ws.create("doc", "{\"text\": \"" + "x".repeat(900) + "\"}"));
        }

        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String query = "/api/v1/records?type=doc&limit=10";
        while (query != null) {
            JsonNode page = api().get(query, ws.admin).json();
            sizes.add(page.path("items").size());
            page.path("items").forEach(item -> seen.add(item.path("id").asText()));
            query = page.path("next_cursor").isNull()
                    ? null
                    : "/api/v1/records?type=doc&limit=10&cursor="
                            + page.path("next_cursor").asText();
        }

        // About 915 bytes of attributes each: two fit 2000 bytes, three do not.
        assertEquals(List.of(2, 2, 1), sizes);
        assertEquals(ids.stream().sorted().toList(), seen.stream().sorted().toList());
        assertEquals(seen.size(), seen.stream().distinct().count());
        assertFalse(sizes.isEmpty());
        assertTrue(sizes.get(0) < 10);
    }
}
