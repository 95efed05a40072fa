package io.archivist.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.BulkResult.Item;
import io.archivist.application.port.in.BulkResult.Outcome;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** R12 as the bulk service composes it: one operation per kind, each id its own outcome. */
class BulkDeleteTest extends ServiceTestSupport {

    @Test
    void a_bulk_delete_purges_what_is_archived_first_then_archives_what_is_active_in_two_operations() {
        Tree archived = tree();
        archive(archived.account());
        Tree active = tree();

        BulkResult result = bulk(Action.DELETE, false, active.account(), archived.account(), active.task());

        assertEquals(
                List.of(Outcome.ARCHIVED, Outcome.PURGED, Outcome.ARCHIVED),
                result.items().stream().map(Item::outcome).toList());
        Operation purge = result.operations().get(0);
        Operation archive = result.operations().get(1);
        assertEquals(OperationKind.PURGE, purge.kind());
        assertEquals(List.of(archived.account()), purge.roots());
        assertEquals(List.of(active.account(), active.task()), archive.roots());
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L, COMMENT, 1L),
                archive.countsPerType().asMap(),
                "a root inside another root's cascade is counted once");
        assertArchivedBy(archive, active.all().toArray(RecordId[]::new));
    }

    @Test
    void a_bulk_delete_of_a_record_and_its_archived_dependent_purges_each_once() {
        Tree tree = tree();
        archive(tree.account());

        BulkResult result = bulk(Action.DELETE, false, tree.task(), tree.account());

        assertEquals(
                List.of(Outcome.PURGED, Outcome.PURGED),
                result.items().stream().map(Item::outcome).toList());
        assertEquals(1, result.operations().size());
        assertEquals(5, result.operations().get(0).total());
    }

    @Test
    void without_atomic_your_own_user_is_an_error_item_and_the_others_go_ahead() {
        RecordId me = ownUser(manager());
        RecordId account = account();

        BulkResult result = bulk(Action.DELETE, false, me, account);

        assertEquals(
                Optional.of(ErrorCode.CANNOT_ARCHIVE_SELF),
                result.items().get(0).error());
        assertEquals(Outcome.ARCHIVED, result.items().get(1).outcome());
        assertActive(me);
    }

    @Test
    void an_empty_bulk_request_is_refused() {
        refused(ErrorCode.VALIDATION_FAILED, () -> bulk(Action.ARCHIVE, false));
    }
}
