package io.archivist.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The PATCH forms (archived, is_archived, in_trash): true archives, false restores, the same state is unchanged. */
class SetArchivedTest extends ServiceTestSupport {

    private LifecycleResult setArchived(RecordId id, boolean archived) {
        return noted(lifecycle().setArchived(LifecycleCommand.of(manager(), id), archived));
    }

    @Test
    void true_archives_an_active_record_with_its_cascade() {
        Tree tree = tree();

        LifecycleResult result = setArchived(tree.account(), true);

        assertEquals(Outcome.ARCHIVED, result.outcome());
        assertArchivedBy(result.operation().orElseThrow(), tree.all().toArray(RecordId[]::new));
    }

    @Test
    void true_on_an_archived_record_is_unchanged_and_never_purges() {
        RecordId account = account();
        archive(account);
        var before = snapshot();

        LifecycleResult result = setArchived(account, true);

        assertEquals(Outcome.UNCHANGED, result.outcome());
        assertTrue(result.operation().isEmpty());
        assertEquals(account, result.record().orElseThrow().record().id());
        assertEquals(before.records(), snapshot().records());
    }

    @Test
    void false_restores_an_archived_record_and_lists_what_stays_archived() {
        Tree tree = tree();
        archive(tree.project());
        archive(tree.label());

        LifecycleResult result = setArchived(tree.project(), false);

        assertEquals(Outcome.RESTORED, result.outcome());
        assertEquals(2, result.leftArchived().size());
        assertActive(tree.project());
    }

    @Test
    void false_on_an_active_record_is_unchanged_not_a_conflict() {
        RecordId account = account();

        LifecycleResult result = setArchived(account, false);

        assertEquals(Outcome.UNCHANGED, result.outcome());
        assertEquals(1, stored(account).version());
    }

    @Test
    void true_on_a_type_without_archive_support_is_refused_and_never_purges() {
        RecordId ledger = a(LEDGER).create();

        refused(ErrorCode.ARCHIVE_NOT_SUPPORTED, () -> setArchived(ledger, true));

        assertActive(ledger);
    }

    @Test
    void false_under_an_archived_parent_is_parent_archived() {
        Tree tree = tree();
        archive(tree.project());
        archive(tree.account());

        refused(ErrorCode.PARENT_ARCHIVED, () -> setArchived(tree.project(), false));
    }

    @Test
    void a_stale_if_match_is_precondition_failed_even_when_the_state_is_already_the_one_asked() {
        RecordId account = account();
        archive(account);

        refused(
                ErrorCode.PRECONDITION_FAILED,
                () -> lifecycle().setArchived(new LifecycleCommand(manager(), account, OptionalLong.of(1)), true));
        assertEquals(
                Outcome.UNCHANGED,
                lifecycle()
                        .setArchived(new LifecycleCommand(manager(), account, OptionalLong.of(2)), true)
                        .outcome());
    }
}
