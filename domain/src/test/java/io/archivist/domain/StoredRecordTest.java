package io.archivist.domain;

import static io.archivist.domain.TestCatalog.archivable;
import static io.archivist.domain.TestCatalog.withRetention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md#concepts records: archived is derived from deleted_at, which comes with exactly one archive_operation (I2). */
class StoredRecordTest {

    private static final RecordId ID = RecordId.of(UUID.randomUUID());
    private static final OperationId OP = OperationId.of(UUID.randomUUID());
    private static final Instant AT = TestRecords.AT;
    private static final Instant LATER = AT.plusSeconds(3600);

    private static StoredRecord stored(Optional<Instant> deletedAt, Optional<OperationId> operation) {
        return new StoredRecord(
                ID,
                TestGraph.WORKSPACE,
                "person",
                Optional.empty(),
                Map.of(),
                List.of(),
                deletedAt,
                operation,
                2,
                AT,
                AT,
                "ann",
                "ann");
    }

    @Test
    void i2_an_archived_record_carries_exactly_one_operation() {
        assertThrows(IllegalArgumentException.class, () -> stored(Optional.of(AT), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> stored(Optional.empty(), Optional.of(OP)));
        assertTrue(stored(Optional.of(AT), Optional.of(OP)).archived());
        assertFalse(stored(Optional.empty(), Optional.empty()).archived());
        assertFalse(stored(null, null).archived(), "a store may hand over nulls for an active record");
    }

    @Test
    void s1_a_new_record_is_active_at_version_1() {
        StoredRecord record = StoredRecord.create(
                ID,
                TestGraph.WORKSPACE,
                "person",
                Optional.of("ann"),
                Map.of("email", "ann@acme"),
                List.of(),
                "kim",
                AT);
        assertFalse(record.archived());
        assertEquals(Optional.empty(), record.archiveOperation());
        assertEquals(1, record.version());
        assertEquals(AT, record.createdAt());
        assertEquals(AT, record.updatedAt());
        assertEquals("kim", record.createdBy());
        assertEquals("kim", record.updatedBy());
    }

    @Test
    void r1_archiving_sets_deleted_at_and_the_operation_and_moves_the_version_on() {
        StoredRecord archived = TestRecords.active("person").archivedBy(OP, "kim", LATER);
        assertTrue(archived.archived());
        assertEquals(Optional.of(LATER), archived.deletedAt());
        assertEquals(Optional.of(OP), archived.archiveOperation());
        assertEquals(2, archived.version());
        assertEquals(LATER, archived.updatedAt());
        assertEquals("kim", archived.updatedBy());
        assertEquals("tester", archived.createdBy());
    }

    @Test
    void r5_restoring_clears_deleted_at_and_the_operation_and_moves_the_version_on() {
        StoredRecord restored = TestRecords.archived("person").restoredBy("kim", LATER);
        assertFalse(restored.archived());
        assertEquals(Optional.empty(), restored.archiveOperation());
        assertEquals(3, restored.version());
        assertEquals(LATER, restored.updatedAt());
    }

    @Test
    void r10_an_update_moves_the_version_on_and_keeps_the_rest() {
        StoredRecord record = TestRecords.active("person");
        StoredRecord updated = record.withAttributes(Map.of("email", "ann@globex"), "kim", LATER);
        assertEquals(2, updated.version());
        assertEquals(Map.of("email", "ann@globex"), updated.attributes());
        assertEquals(record.id(), updated.id());
        assertEquals(record.createdAt(), updated.createdAt());
        assertEquals(LATER, updated.updatedAt());
        assertEquals("kim", updated.updatedBy());
    }

    @Test
    void s1_attributes_and_parents_are_copied_and_cannot_change_afterwards() {
        Map<String, Object> attributes = new HashMap<>(Map.of("email", "ann@acme"));
        List<RecordId> parents = new ArrayList<>(List.of(ID));
        StoredRecord record = StoredRecord.create(
                RecordId.of(UUID.randomUUID()),
                TestGraph.WORKSPACE,
                "person",
                Optional.empty(),
                attributes,
                parents,
                "kim",
                AT);
        attributes.put("email", "changed");
        parents.clear();
        assertEquals(Map.of("email", "ann@acme"), record.attributes());
        assertEquals(List.of(ID), record.parents());
        assertThrows(
                UnsupportedOperationException.class, () -> record.attributes().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> record.parents().add(ID));
    }

    @Test
    void r11_purge_after_shows_only_for_an_archived_record_of_a_type_with_a_retention() {
        ObjectType kept = withRetention(archivable("person"), "P30D");
        StoredRecord archived = TestRecords.active("person").archivedBy(OP, "kim", AT);
        assertEquals(Optional.of(AT.plus(java.time.Duration.ofDays(30))), archived.purgeAfter(kept));
        assertEquals(Optional.empty(), TestRecords.active("person").purgeAfter(kept));
        assertEquals(Optional.empty(), archived.purgeAfter(archivable("person")));
    }
}
