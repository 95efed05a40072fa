package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/api.md: bad ids and workspaces are a VALIDATION_FAILED (400), never an unchecked crash. */
class IdsTest {

    private static final String ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "42",
                "not-a-uuid",
                "3f2504e0-4f89-41d3-9a0c-0305e82c330",
                "3f2504e0-4f89-41d3-9a0c-0305e82c33011",
                "3f2504e04f8941d39a0c0305e82c3301",
                "3f2504e0-4f89-41d3-9a0c-0305e82c33zz",
                "{3f2504e0-4f89-41d3-9a0c-0305e82c3301}",
                " 3f2504e0-4f89-41d3-9a0c-0305e82c330",
                // 36 characters that java.util.UUID accepts, as it is lenient: a sign, or dashes elsewhere
                "+0000000-0000-0000-0000-000000000000",
                "00000000000-0000-0000-0000-000000000",
                "1-1-1-1-0000000000000000000000000000"
            })
    void s4_a_malformed_id_is_validation_failed(String text) {
        ArchivistException record = assertThrows(ArchivistException.class, () -> RecordId.parse(text));
        assertEquals(ErrorCode.VALIDATION_FAILED, record.code());
        assertTrue(record.getMessage().contains("record id"), record.getMessage());
        ArchivistException operation = assertThrows(ArchivistException.class, () -> OperationId.parse(text));
        assertEquals(ErrorCode.VALIDATION_FAILED, operation.code());
        assertTrue(operation.getMessage().contains("operation id"), operation.getMessage());
    }

    @Test
    void s4_an_id_reads_back_as_the_text_it_was_given_in_lower_case() {
        assertEquals(ID, RecordId.parse(ID).toString());
        assertEquals(ID, RecordId.parse(ID.toUpperCase()).toString());
        assertEquals(ID, OperationId.parse(ID).toString());
        assertEquals(RecordId.of(UUID.fromString(ID)), RecordId.parse(ID));
    }

    @Test
    void s4_ids_sort_as_databases_sort_uuids_unsigned_byte_by_byte() {
        List<RecordId> ids = new ArrayList<>(List.of(
                RecordId.parse("ffffffff-0000-0000-0000-000000000000"),
                RecordId.parse("80000000-0000-0000-0000-000000000000"),
                RecordId.parse("00000000-0000-0000-ffff-000000000000"),
                RecordId.parse("7fffffff-ffff-ffff-ffff-ffffffffffff"),
                RecordId.parse("00000000-0000-0000-0000-000000000001")));
        ids.sort(null);
        assertEquals(
                List.of(
                        "00000000-0000-0000-0000-000000000001",
                        "00000000-0000-0000-ffff-000000000000",
                        "7fffffff-ffff-ffff-ffff-ffffffffffff",
                        "80000000-0000-0000-0000-000000000000",
                        "ffffffff-0000-0000-0000-000000000000"),
                ids.stream().map(RecordId::toString).toList());
    }

    @Test
    void s1_a_workspace_is_a_short_name() {
        assertEquals("acme-corp", WorkspaceId.of("acme-corp").toString());
        assertEquals("Acme.Corp_2", WorkspaceId.of("Acme.Corp_2").value());
        assertEquals("a".repeat(128), WorkspaceId.of("a".repeat(128)).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "-acme",
                ".acme",
                "_acme",
                "acme corp",
                "acme/corp",
                "acme\u0000",
                "acme\n",
                "acmé",
                "{\"$ne\":null}"
            })
    void s1_a_malformed_workspace_is_validation_failed(String text) {
        ArchivistException e = assertThrows(ArchivistException.class, () -> WorkspaceId.of(text));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        ArchivistException tooLong = assertThrows(ArchivistException.class, () -> WorkspaceId.of("a".repeat(129)));
        assertEquals(ErrorCode.VALIDATION_FAILED, tooLong.code());
    }
}
