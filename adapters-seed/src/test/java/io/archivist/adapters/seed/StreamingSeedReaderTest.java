package io.archivist.adapters.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.out.seed.MalformedSeedException;
import io.archivist.application.port.out.seed.SeedItem;
import io.archivist.application.port.out.seed.SeedItem.RecordEntry;
import io.archivist.application.port.out.seed.SeedItem.TypeEntry;
import io.archivist.application.port.out.seed.SeedItem.WorkspaceEntry;
import io.archivist.application.port.out.seed.SeedItems;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.domain.SeedFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md#seeds: the three seed formats read as the same items, with the line and pointer of each. */
class StreamingSeedReaderTest {

    private static final String JSON = """
            {"workspace": "acme",
             "object_types": [
               {"name": "journey", "archivable": true, "unique": ["slug"], "retention": "P30D"}
             ],
             "records": [
               {"key": "j1", "type": "journey", "attributes": {"slug": "on", "n": 3, "x": 1.5, "ok": true, "none": null,
                                                               "tags": ["a", {"b": 2}]}},
               {"key": "j2", "type": "journey", "deleted_at": "2024-03-01T10:00:00Z", "parents": []}
             ]}
            """;

    private static final String YAML = """
            workspace: acme
            object_types:
              - name: journey
                archivable: true
                unique: [slug]
                retention: P30D
            records:
              - key: j1
                type: journey
                attributes: {slug: "on", n: 3, x: 1.5, ok: true, none: null, tags: [a, {b: 2}]}
              - key: j2
                type: journey
                deleted_at: 2024-03-01T10:00:00Z
                parents: []
            """;

    private static final String JSON_LINES = """
            {"workspace": "acme", "object_types": [{"name": "journey", "archivable": true, "unique": ["slug"], "retention": "P30D"}]}
            {"key": "j1", "type": "journey", "attributes": {"slug": "on", "n": 3, "x": 1.5, "ok": true, "none": null, "tags": ["a", {"b": 2}]}}

            {"key": "j2", "type": "journey", "deleted_at": "2024-03-01T10:00:00Z", "parents": []}
            """;

    @Test
    void s5_a_json_document_reads_as_workspace_types_and_records_with_lines_and_pointers() {
        List<SeedItem> items = read(JSON, SeedFormat.JSON);
        assertEquals(new WorkspaceEntry("acme", new SeedPosition(1, "/workspace")), items.get(0));
        assertJourneyType(items.get(1), new SeedPosition(3, "/object_types/0"));
        assertRecords(items, new SeedPosition(6, "/records/0"), new SeedPosition(8, "/records/1"));
    }

    @Test
    void s5_a_yaml_document_reads_as_the_same_items() {
        List<SeedItem> items = read(YAML, SeedFormat.YAML);
        assertEquals("acme", ((WorkspaceEntry) items.get(0)).name());
        assertJourneyType(items.get(1), new SeedPosition(3, "/object_types/0"));
        assertRecords(items, new SeedPosition(8, "/records/0"), new SeedPosition(11, "/records/1"));
    }

    @Test
    void s5_json_lines_read_as_the_same_items_with_their_lines() {
        List<SeedItem> items = read(JSON_LINES, SeedFormat.JSON_LINES);
        assertEquals(new WorkspaceEntry("acme", SeedPosition.line(1)), items.get(0));
        assertJourneyType(items.get(1), new SeedPosition(1, "/object_types/0"));
        assertRecords(items, SeedPosition.line(2), SeedPosition.line(4));
    }

    @Test
    void yaml_scalars_are_json_values_so_no_and_times_stay_text() {
        RecordEntry record = (RecordEntry) read("""
                records:
                  - key: k
                    type: t
                    attributes: {answer: no, on: yes, at: 2024-01-01, big: 12345678901, neg: -2, e: 1e3, q: '7', tilde: ~}
                """, SeedFormat.YAML).get(0);
        Map<String, Object> a = record.attributes();
        assertEquals("no", a.get("answer"));
        assertEquals("yes", a.get("on"));
        assertEquals("2024-01-01", a.get("at"));
        assertEquals(12345678901L, a.get("big"));
        assertEquals(-2, a.get("neg"));
        assertEquals(1000.0, a.get("e"));
        assertEquals("7", a.get("q"));
        assertTrue(a.containsKey("tilde") && a.get("tilde") == null);
    }

    @Test
    void fields_of_the_wrong_json_type_are_problems_and_other_fields_are_named() {
        RecordEntry record = (RecordEntry) read("""
                {"records": [{"key": 7, "type": "t", "parents": "p", "attributes": [1], "deleted_at": 5,
                              "id": "x", "colour": "red"}]}
                """, SeedFormat.JSON).get(0);
        assertEquals(null, record.key());
        assertEquals(List.of(), record.parents());
        assertEquals(Map.of(), record.attributes());
        assertEquals(Optional.of("5"), record.deletedAt(), "the import judges it");
        assertEquals(3, record.problems().size(), record.problems().toString());
        assertEquals(Set.of("id", "colour"), record.otherFields());
        TypeEntry type = (TypeEntry) read("""
                {"object_types": [{"name": "t", "archivable": "yes", "unique": [1], "owner": "me"}]}
                """, SeedFormat.JSON).get(0);
        assertEquals(2, type.problems().size(), type.problems().toString());
        assertEquals(Set.of("owner"), type.otherFields());
    }

    @Test
    void a_document_that_cannot_be_read_is_malformed_at_its_line() {
        assertMalformed("{\"records\": [\n{\"key\": \"a\"},\n{\"key\": }\n]}", SeedFormat.JSON, 3);
        assertMalformed("[1, 2]", SeedFormat.JSON, 1);
        assertMalformed("{\"workspace\": \"a\",\n \"recordz\": []}", SeedFormat.JSON, 2);
        assertMalformed("{\"records\": [{\"key\": \"a\", \"key\": \"b\"}]}", SeedFormat.JSON, 1);
        assertMalformed("{\"records\": [\"a\"]}", SeedFormat.JSON, 1);
        assertMalformed("{\"records\": []} {}", SeedFormat.JSON, 1);
        assertMalformed("{\"key\": \"a\"}\n[1]\n", SeedFormat.JSON_LINES, 2);
        assertMalformed("{\"workspace\": \"a\", \"key\": \"a\"}\n", SeedFormat.JSON_LINES, 1);
        assertMalformed("records:\n  - key: a\n    x: &anchor 1\n    y: *anchor\n", SeedFormat.YAML, 4);
        assertMalformed("records:\n  - key: a\n    key: b\n", SeedFormat.YAML, 3);
        assertMalformed("records: [\n", SeedFormat.YAML, 2);
        assertMalformed("records: []\n---\nrecords: []\n", SeedFormat.YAML, 2);
        assertMalformed("", SeedFormat.YAML, 1);
    }

    @Test
    void items_are_read_as_they_are_asked_for() {
        String broken = "{\"records\": [{\"key\": \"a\", \"type\": \"t\"}, {\"key\": ";
        try (SeedItems items = new StreamingSeedReader().read(stream(broken), SeedFormat.JSON)) {
            assertEquals("a", ((RecordEntry) items.next()).key());
            assertThrows(MalformedSeedException.class, items::hasNext);
        }
    }

    private static void assertJourneyType(SeedItem item, SeedPosition at) {
        TypeEntry type = assertInstanceOf(TypeEntry.class, item);
        assertEquals("journey", type.name());
        assertEquals(Optional.of(true), type.archivable());
        assertEquals(List.of("slug"), type.unique());
        assertEquals(Optional.of("P30D"), type.retention());
        assertEquals(at, type.position());
        assertEquals(List.of(), type.problems());
    }

    private static void assertRecords(List<SeedItem> items, SeedPosition first, SeedPosition second) {
        assertEquals(4, items.size(), items.toString());
        RecordEntry j1 = assertInstanceOf(RecordEntry.class, items.get(2));
        assertEquals("j1", j1.key());
        assertEquals("journey", j1.type());
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("slug", "on");
        expected.put("n", 3);
        expected.put("x", 1.5);
        expected.put("ok", true);
        expected.put("none", null);
        expected.put("tags", List.of("a", Map.of("b", 2)));
        assertEquals(expected, j1.attributes());
        assertEquals(first, j1.position());
        assertEquals(List.of(), j1.problems());
        assertEquals(Set.of(), j1.otherFields());
        RecordEntry j2 = assertInstanceOf(RecordEntry.class, items.get(3));
        assertEquals(Optional.of("2024-03-01T10:00:00Z"), j2.deletedAt());
        assertEquals(second, j2.position());
    }

    private static void assertMalformed(String seed, SeedFormat format, long line) {
        MalformedSeedException e = assertThrows(MalformedSeedException.class, () -> read(seed, format), seed);
        assertEquals(line, e.position().line(), seed + " -> " + e.getMessage());
    }

    private static List<SeedItem> read(String seed, SeedFormat format) {
        List<SeedItem> items = new ArrayList<>();
        try (SeedItems read = new StreamingSeedReader().read(stream(seed), format)) {
            read.forEachRemaining(items::add);
        }
        return items;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
