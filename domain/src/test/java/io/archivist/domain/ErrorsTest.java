package io.archivist.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/api.md: stable error codes, each with the kind every adapter maps the same way, and their details. */
class ErrorsTest {

    private static final RecordId ANN = RecordId.parse("00000000-0000-0000-0000-00000000000a");
    private static final RecordId ACME = RecordId.parse("00000000-0000-0000-0000-00000000000b");
    private static final RecordId GLOBEX = RecordId.parse("00000000-0000-0000-0000-00000000000c");

    @ParameterizedTest
    @CsvSource({
        "RECORD_NOT_FOUND, NOT_FOUND",
        "TYPE_NOT_FOUND, NOT_FOUND",
        "OPERATION_NOT_FOUND, NOT_FOUND",
        "PARENT_ARCHIVED, CONFLICT",
        "NOT_ARCHIVED, CONFLICT",
        "UNIQUE_CONFLICT, CONFLICT",
        "DUPLICATE_KEY, CONFLICT",
        "CANNOT_ARCHIVE_SELF, CONFLICT",
        "RECORD_ARCHIVED, CONFLICT",
        "ARCHIVE_NOT_SUPPORTED, CONFLICT",
        "NOT_AN_ARCHIVE_OPERATION, UNPROCESSABLE",
        "CONCURRENT_MODIFICATION, CONFLICT",
        "VALIDATION_FAILED, INVALID",
        "INVALID_OBJECT_TYPE, UNPROCESSABLE",
        "LIMIT_EXCEEDED, UNPROCESSABLE",
        "IDEMPOTENCY_KEY_REUSED, UNPROCESSABLE",
        "PRECONDITION_FAILED, PRECONDITION",
        "FORBIDDEN, FORBIDDEN"
    })
    void s4_each_code_has_its_kind(ErrorCode code, ErrorCode.Kind kind) {
        assertEquals(kind, code.kind());
    }

    @Test
    void s4_every_code_is_stated_above() {
        assertEquals(18, ErrorCode.values().length, "a new code needs its kind pinned in s4_each_code_has_its_kind");
    }

    @Test
    void s4_an_exception_carries_its_code_message_and_an_immutable_copy_of_its_details() {
        Map<String, Object> details = new java.util.HashMap<>(Map.of("record", "x"));
        ArchivistException e = new ArchivistException(ErrorCode.NOT_ARCHIVED, "record x is not archived", details);
        details.put("more", "y");
        assertEquals(ErrorCode.NOT_ARCHIVED, e.code());
        assertEquals("record x is not archived", e.getMessage());
        assertEquals(Map.of("record", "x"), e.details());
        assertThrows(UnsupportedOperationException.class, () -> e.details().put("z", 1));
        assertEquals(Map.of(), new ArchivistException(ErrorCode.FORBIDDEN, "no").details());
    }

    @Test
    void s4_each_refusal_of_the_rules_is_built_in_one_place_with_its_text_and_details() {
        assertRefusal(
                ArchivistException.duplicateKey("company", "acme", ACME),
                ErrorCode.DUPLICATE_KEY,
                "a company with key 'acme' exists already: " + ACME,
                Map.of("holder", ACME.toString()));
        assertRefusal(
                ArchivistException.recordArchived(ANN),
                ErrorCode.RECORD_ARCHIVED,
                "record " + ANN + " is archived and read-only; restore it first",
                Map.of("record", ANN.toString()));
        assertRefusal(
                ArchivistException.staleVersion(ANN, 3, 2),
                ErrorCode.PRECONDITION_FAILED,
                "record " + ANN + " is at version 3, not 2",
                Map.of("current_version", 3L));
        assertRefusal(
                ArchivistException.missingParent(ACME),
                ErrorCode.VALIDATION_FAILED,
                "parent " + ACME + " does not exist",
                Map.of("parent", ACME.toString()));
        assertRefusal(
                Blocker.notArchived(ANN).toException(),
                ErrorCode.NOT_ARCHIVED,
                "record " + ANN + " is not archived",
                Map.of("record", ANN.toString()));
        assertRefusal(
                Blocker.archiveNotSupported(TestCatalog.notArchivable("tag")).toException(),
                ErrorCode.ARCHIVE_NOT_SUPPORTED,
                "records of type 'tag' cannot be archived; a DELETE removes them permanently",
                Map.of());
        assertRefusal(
                Blocker.sharedWithinRestore(ACME).toException(),
                ErrorCode.UNIQUE_CONFLICT,
                "restoring " + ACME + " would make two of the records archived with it share a unique value",
                Map.of("record", ACME.toString()));
    }

    private static void assertRefusal(
            ArchivistException e, ErrorCode code, String message, Map<String, Object> details) {
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
        assertEquals(details, e.details());
    }

    @Test
    void s4_not_found_and_invalid_name_what_they_are_about() {
        ArchivistException notFound = ArchivistException.notFound(ANN);
        assertEquals(ErrorCode.RECORD_NOT_FOUND, notFound.code());
        assertTrue(notFound.getMessage().contains(ANN.toString()));
        ArchivistException invalid = ArchivistException.invalid("limit must be at most 500");
        assertEquals(ErrorCode.VALIDATION_FAILED, invalid.code());
        assertEquals("limit must be at most 500", invalid.getMessage());
    }

    @Test
    void r7_the_own_user_blocker_is_cannot_archive_self_naming_the_user() {
        Blocker blocker = Blocker.ownUser(ANN);
        assertEquals(ErrorCode.CANNOT_ARCHIVE_SELF, blocker.code());
        assertEquals(List.of(ANN), blocker.records());
        assertEquals(Map.of("user", ANN.toString()), blocker.details());
        ArchivistException e = blocker.toException();
        assertEquals(ErrorCode.CANNOT_ARCHIVE_SELF, e.code());
        assertEquals(blocker.message(), e.getMessage());
        assertEquals(blocker.details(), e.details());
        assertTrue(e.getMessage().contains(ANN.toString()));
    }

    @Test
    void r5_the_parent_archived_blocker_names_every_archived_parent() {
        Blocker blocker = Blocker.parentArchived(ANN, List.of(ACME, GLOBEX));
        assertEquals(ErrorCode.PARENT_ARCHIVED, blocker.code());
        assertEquals(List.of(ACME, GLOBEX), blocker.records());
        assertEquals(Map.of("parents", List.of(ACME.toString(), GLOBEX.toString())), blocker.details());
        assertTrue(
                blocker.message().contains(ANN.toString())
                        && blocker.message().contains(ACME.toString())
                        && blocker.message().contains(GLOBEX.toString()),
                blocker.message());
        assertEquals(ErrorCode.PARENT_ARCHIVED, blocker.toException().code());
    }

    @Test
    void r6_the_unique_conflict_blocker_names_the_holder_the_attribute_and_the_record() {
        UniqueConflict conflict = new UniqueConflict(ANN, "person", "email", GLOBEX);
        Blocker blocker = Blocker.uniqueConflict(conflict);
        assertEquals(ErrorCode.UNIQUE_CONFLICT, blocker.code());
        assertEquals(List.of(GLOBEX), blocker.records());
        assertEquals(
                Map.of("holder", GLOBEX.toString(), "attribute", "email", "record", ANN.toString()), blocker.details());
        assertEquals(conflict.message(), blocker.message());
        assertTrue(conflict.message().contains("'email'") && conflict.message().contains(GLOBEX.toString()));
        assertEquals(blocker.details(), conflict.toException().details());
    }

    @Test
    void r5_a_record_left_archived_gives_its_reason() {
        assertTrue(new LeftArchived(ANN, "deal", List.of(ACME)).reason().contains(ACME.toString()));
        String both = new LeftArchived(ANN, "deal", List.of(ACME, GLOBEX)).reason();
        assertTrue(both.contains(ACME.toString()) && both.contains(GLOBEX.toString()), both);
    }

    @Test
    void r13_a_preview_is_allowed_only_without_blockers_and_totals_its_counts() {
        Preview clear = new Preview(
                OperationKind.ARCHIVE,
                List.of(ACME),
                CountsPerType.of(Map.of("company", 1L, "person", 3L)),
                List.of(),
                List.of());
        assertTrue(clear.allowed());
        assertEquals(4, clear.total());
        Preview blocked = new Preview(
                OperationKind.PURGE,
                List.of(ANN),
                CountsPerType.of("user", 1L),
                List.of(),
                List.of(Blocker.ownUser(ANN)));
        assertFalse(blocked.allowed());
        assertEquals(
                List.of("company", "person"), List.copyOf(clear.countsPerType().types()), "types in name order");
    }

    @Test
    void s1_an_operation_totals_its_counts_and_finishes_with_the_roots_it_acted_on() {
        Operation begun = Operation.begin(
                OperationId.of(UUID.randomUUID()),
                TestGraph.WORKSPACE,
                OperationKind.ARCHIVE,
                "ann@acme",
                TestRecords.AT,
                List.of(ACME, GLOBEX));
        assertEquals(0, begun.total());
        Operation done = begun.finish(List.of(ACME), CountsPerType.of(Map.of("person", 2L, "company", 1L)));
        assertEquals(begun.id(), done.id());
        assertEquals(List.of(ACME), done.roots());
        assertEquals(3, done.total());
        assertEquals(
                List.of("company", "person"), List.copyOf(done.countsPerType().types()));
        assertEquals(
                List.of("archive", "restore", "purge"),
                List.of(
                        OperationKind.ARCHIVE.wireName(),
                        OperationKind.RESTORE.wireName(),
                        OperationKind.PURGE.wireName()));
    }
}
