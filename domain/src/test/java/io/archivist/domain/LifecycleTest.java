package io.archivist.domain;

import static io.archivist.domain.TestRecords.active;
import static io.archivist.domain.TestRecords.archived;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.domain.Lifecycle.Action;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-record decisions of docs/lifecycle.md. */
class LifecycleTest {

    private static Decision act(OperationKind kind) {
        return new Decision.Act(kind);
    }

    /** The refusal a decision holds, as the exception every caller throws for it. */
    private static ArchivistException refusal(Decision decision) {
        return decision.fold(
                kind -> {
                    throw new AssertionError("acts: " + kind);
                },
                reason -> {
                    throw new AssertionError("unchanged: " + reason);
                },
                Blocker::toException);
    }

    private final Catalog catalog = TestCatalog.crm();
    private final ObjectType person = catalog.require("person");
    private final ObjectType tagging = catalog.require("tagging");
    private final ObjectType deal = catalog.require("deal");

    @Test
    void r1_delete_archives_an_active_record_of_an_archivable_type() {
        assertEquals(act(OperationKind.ARCHIVE), Lifecycle.decide(Action.DELETE, active("person"), person));
    }

    @Test
    void r3_delete_on_an_archived_record_purges_it() {
        assertEquals(act(OperationKind.PURGE), Lifecycle.decide(Action.DELETE, archived("person"), person));
    }

    @Test
    void r4_the_first_delete_of_a_type_without_archive_support_purges() {
        assertEquals(act(OperationKind.PURGE), Lifecycle.decide(Action.DELETE, active("tagging"), tagging));
    }

    @Test
    void r1_archive_of_an_active_record_archives_it() {
        assertEquals(act(OperationKind.ARCHIVE), Lifecycle.decide(Action.ARCHIVE, active("person"), person));
    }

    @Test
    void r1_r12_r13_archive_of_an_archived_record_changes_nothing_wherever_it_is_asked() {
        Decision decision = Lifecycle.decide(Action.ARCHIVE, archived("person"), person);
        assertEquals(new Decision.Unchanged("already archived"), decision);
        assertFalse(decision.acts(OperationKind.ARCHIVE));
        assertEquals(decision, Lifecycle.decideState(true, archived("person"), person), "PATCH and bulk agree");
    }

    @Test
    void r4_archive_of_a_type_without_archive_support_is_archive_not_supported() {
        for (StoredRecord record : List.of(active("tagging"), archived("tagging"))) {
            ArchivistException e = refusal(Lifecycle.decide(Action.ARCHIVE, record, tagging));
            assertEquals(ErrorCode.ARCHIVE_NOT_SUPPORTED, e.code());
            assertTrue(e.getMessage().contains("'tagging'"), e.getMessage());
            assertEquals(Map.of(), e.details());
        }
        assertEquals(
                ErrorCode.ARCHIVE_NOT_SUPPORTED,
                refusal(Lifecycle.decideState(true, active("tagging"), tagging)).code());
    }

    @Test
    void r5_restore_of_an_archived_record_restores_it() {
        assertEquals(act(OperationKind.RESTORE), Lifecycle.decide(Action.RESTORE, archived("person"), person));
        assertEquals(act(OperationKind.RESTORE), Lifecycle.decideState(false, archived("person"), person));
    }

    @Test
    void r5_restoring_an_active_record_by_name_is_not_archived() {
        StoredRecord record = active("person");
        ArchivistException e = refusal(Lifecycle.decide(Action.RESTORE, record, person));
        assertEquals(ErrorCode.NOT_ARCHIVED, e.code());
        assertEquals("record " + record.id() + " is not archived", e.getMessage());
        assertEquals(Map.of("record", record.id().toString()), e.details());
        assertEquals(
                ErrorCode.NOT_ARCHIVED,
                assertThrows(ArchivistException.class, () -> Lifecycle.requireArchived(record))
                        .code(),
                "the stores' guard refuses alike");
        assertDoesNotThrow(() -> Lifecycle.requireArchived(archived("person")));
    }

    @Test
    void patch_and_bulk_asking_an_active_record_to_be_active_change_nothing() {
        assertEquals(new Decision.Unchanged("not archived"), Lifecycle.decideState(false, active("person"), person));
        assertEquals(new Decision.Unchanged("not archived"), Lifecycle.decideState(false, active("tagging"), tagging));
    }

    @Test
    void r3_r13_purge_by_name_purges_whatever_the_state() {
        for (StoredRecord record : List.of(active("person"), archived("person"))) {
            assertEquals(act(OperationKind.PURGE), Lifecycle.decide(Action.PURGE, record, person));
        }
        assertEquals(act(OperationKind.PURGE), Lifecycle.decide(Action.PURGE, active("tagging"), tagging));
    }

    @Test
    void r13_a_preview_asks_the_action_of_its_kind() {
        assertEquals(Action.ARCHIVE, Action.of(OperationKind.ARCHIVE));
        assertEquals(Action.RESTORE, Action.of(OperationKind.RESTORE));
        assertEquals(Action.PURGE, Action.of(OperationKind.PURGE));
    }

    @Test
    void a_decision_is_folded_by_its_case() {
        assertEquals(
                "act archive", act(OperationKind.ARCHIVE).fold(k -> "act " + k.wireName(), r -> r, b -> "refused"));
        assertEquals(
                "already archived",
                new Decision.Unchanged("already archived").fold(k -> "act", r -> r, b -> "refused"));
        Blocker blocker = Blocker.notArchived(active("person").id());
        assertEquals(blocker, new Decision.Refuse(blocker).fold(k -> null, r -> null, b -> b));
        assertTrue(act(OperationKind.PURGE).acts(OperationKind.PURGE));
        assertFalse(act(OperationKind.PURGE).acts(OperationKind.ARCHIVE));
        assertFalse(new Decision.Refuse(blocker).acts(OperationKind.RESTORE));
    }

    @Test
    void r9_changing_an_archived_record_is_record_archived() {
        StoredRecord record = archived("person");
        ArchivistException e = assertThrows(ArchivistException.class, () -> Lifecycle.requireActive(record));
        assertEquals(ErrorCode.RECORD_ARCHIVED, e.code());
        assertEquals(Map.of("record", record.id().toString()), e.details());
        assertTrue(e.getMessage().contains(record.id().toString()), e.getMessage());
        assertDoesNotThrow(() -> Lifecycle.requireActive(active("person")));
    }

    @Test
    void r10_a_stale_if_match_is_precondition_failed_with_the_current_version() {
        StoredRecord atVersion2 = archived("person");
        assertEquals(2, atVersion2.version());
        ArchivistException e =
                assertThrows(ArchivistException.class, () -> Lifecycle.requireVersion(atVersion2, OptionalLong.of(1)));
        assertEquals(ErrorCode.PRECONDITION_FAILED, e.code());
        assertEquals(Map.of("current_version", 2L), e.details());
        assertThrows(ArchivistException.class, () -> Lifecycle.requireVersion(atVersion2, OptionalLong.of(3)));
    }

    @Test
    void r10_a_matching_or_absent_if_match_passes() {
        StoredRecord atVersion2 = archived("person");
        assertDoesNotThrow(() -> Lifecycle.requireVersion(atVersion2, OptionalLong.of(2)));
        assertDoesNotThrow(() -> Lifecycle.requireVersion(atVersion2, OptionalLong.empty()));
    }

    @Test
    void s1_parents_of_allowed_types_pass() {
        StoredRecord company = active("company");
        StoredRecord ann = active("person", company.id());
        assertDoesNotThrow(
                () -> Lifecycle.requireAllowedParents(deal, List.of(company.id(), ann.id()), List.of(ann, company)));
        assertDoesNotThrow(() -> Lifecycle.requireAllowedParents(deal, List.of(), List.of()));
    }

    @Test
    void s1_a_parent_of_a_type_the_child_type_does_not_allow_is_refused() {
        StoredRecord tag = active("tag");
        ArchivistException e = assertThrows(
                ArchivistException.class, () -> Lifecycle.requireAllowedParents(deal, List.of(tag.id()), List.of(tag)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(Map.of("parent", tag.id().toString()), e.details());
        assertTrue(e.getMessage().contains("'tag'") && e.getMessage().contains("[company, person]"), e.getMessage());
    }

    @Test
    void s1_a_parent_that_does_not_exist_in_the_workspace_is_refused_by_name() {
        StoredRecord company = active("company");
        RecordId elsewhere = RecordId.of(UUID.randomUUID());
        ArchivistException e = assertThrows(
                ArchivistException.class,
                () -> Lifecycle.requireAllowedParents(deal, List.of(company.id(), elsewhere), List.of(company)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(Map.of("parent", elsewhere.toString()), e.details());
    }

    @Test
    void s1_a_parent_named_twice_is_refused() {
        StoredRecord company = active("company");
        ArchivistException e = assertThrows(
                ArchivistException.class,
                () -> Lifecycle.requireAllowedParents(deal, List.of(company.id(), company.id()), List.of(company)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
    }

    @Test
    void r9_creating_under_archived_parents_is_parent_archived_naming_exactly_those_parents() {
        StoredRecord acme = archived("company");
        StoredRecord ann = active("person");
        StoredRecord bob = archived("person");
        RecordId newDeal = RecordId.of(UUID.randomUUID());
        ArchivistException e = assertThrows(
                ArchivistException.class, () -> Lifecycle.requireParentsActive(newDeal, List.of(acme, ann, bob)));
        assertEquals(ErrorCode.PARENT_ARCHIVED, e.code());
        assertEquals(Map.of("parents", List.of(acme.id().toString(), bob.id().toString())), e.details());
        assertTrue(
                e.getMessage().contains(acme.id().toString())
                        && e.getMessage().contains(bob.id().toString())
                        && !e.getMessage().contains(ann.id().toString()),
                e.getMessage());
    }

    @Test
    void r5_r9_active_parents_or_none_pass() {
        RecordId subject = RecordId.of(UUID.randomUUID());
        assertDoesNotThrow(() -> Lifecycle.requireParentsActive(subject, List.of(active("company"), active("person"))));
        assertDoesNotThrow(() -> Lifecycle.requireParentsActive(subject, List.of()));
    }
}
