package io.archivist.application.contract;

import static io.archivist.application.contract.KitTypes.archivable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.in.RetentionRun;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.RetentionService;
import io.archivist.domain.Caller;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * R11: archived records of a type with a retention are purged by the job, as {@code system}, once
 * deleted_at + retention has passed. Only these tests define types with a retention, so that the
 * job, which looks at every workspace, has little to look at.
 */
public interface RetentionContract extends StoreContractSupport {

    String DRAFT = "draft";
    String DRAFT_NOTE = "draft_note";
    Duration KEPT = Duration.ofHours(1);

    private void defineDrafts() {
        catalog().define(admin(), archivable(DRAFT).withRetention("PT1H").type());
        catalog().define(admin(), archivable(DRAFT_NOTE, DRAFT).type());
    }

    @Test
    default void r11_an_archived_record_of_a_type_with_retention_shows_purge_after() {
        defineDrafts();
        RecordId draft = a(DRAFT).create();
        RecordId active = a(DRAFT).create();
        RecordId account = account();
        archive(account);

        Operation archive = archive(draft).operation().orElseThrow();

        RecordView view = records().get(manager(), draft);
        assertEquals(Optional.of(archive.at().plus(KEPT)), view.purgeAfter());
        assertEquals(Optional.empty(), records().get(manager(), active).purgeAfter());
        assertEquals(Optional.empty(), records().get(manager(), account).purgeAfter(), "account has no retention");
    }

    @Test
    default void r11_the_job_purges_records_once_their_retention_has_passed_as_system_with_their_dependents() {
        defineDrafts();
        RecordId early = a(DRAFT).create();
        RecordId note = a(DRAFT_NOTE).under(early).create();
        RecordId late = a(DRAFT).create();
        RecordId kept = a(DRAFT).create();
        Instant earlyAt = archive(early).operation().orElseThrow().at();
        clock().advance(Duration.ofMinutes(30));
        Instant lateAt = archive(late).operation().orElseThrow().at();

        clock().set(earlyAt.plus(KEPT).minusSeconds(1));
        assertEquals(List.of(), purgeExpired(), "not due yet");
        clock().set(earlyAt.plus(KEPT));
        List<Operation> due = purgeExpired();

        assertEquals(1, due.size());
        Operation purge = due.get(0);
        assertEquals(OperationKind.PURGE, purge.kind());
        assertEquals(Caller.SYSTEM, purge.actor());
        assertEquals(List.of(early), purge.roots());
        assertEquals(Map.of(DRAFT, 1L, DRAFT_NOTE, 1L), purge.countsPerType().asMap());
        assertGone(early, note);
        assertEquals(true, stored(late).archived());
        assertActive(kept);

        clock().set(lateAt.plus(KEPT));
        assertEquals(1, purgeExpired().size());
        assertGone(late);
        assertActive(kept);
    }

    @Test
    default void r11_the_store_lists_records_archived_at_or_before_a_cutoff_oldest_first() {
        defineDrafts();
        RecordId first = a(DRAFT).create();
        RecordId second = a(DRAFT).create();
        RecordId third = a(DRAFT).create();
        archive(a(DRAFT_NOTE).under(third).create());
        Instant firstAt = archive(first).operation().orElseThrow().at();
        Instant secondAt = archive(second).operation().orElseThrow().at();
        archive(third);

        assertEquals(List.of(first, second), ports().records().archivedBefore(workspace(), DRAFT, secondAt, 10));
        assertEquals(List.of(first), ports().records().archivedBefore(workspace(), DRAFT, secondAt, 1));
        assertEquals(List.of(first), ports().records().archivedBefore(workspace(), DRAFT, firstAt, 10));
        assertEquals(List.of(), ports().records().archivedBefore(workspace(), DRAFT, firstAt.minusMillis(1), 10));
        assertEquals(
                Map.of(DRAFT, List.of(archivable(DRAFT).withRetention("PT1H").type())),
                Map.of(DRAFT, ports().catalogs().typesWithRetention().get(workspace())));
    }

    @Test
    default void r11_a_backlog_is_purged_in_operations_of_a_bounded_size() {
        defineDrafts();
        RetentionService inPairs = ports().retentionService(new LifecyclePolicy(1000, 100, 2));
        Instant archivedAt = null;
        for (int i = 0; i < 5; i++) {
            archivedAt = archive(a(DRAFT).create()).operation().orElseThrow().at();
        }
        clock().set(archivedAt.plus(KEPT));

        List<Operation> ran = purgeExpired(inPairs);

        assertEquals(List.of(2L, 2L, 1L), ran.stream().map(Operation::total).toList());
    }

    @Test
    default void r11_r14_a_batch_over_the_cascade_limit_is_split_until_each_purge_fits() {
        defineDrafts();
        RetentionService small = ports().retentionService(new LifecyclePolicy(1000, 100, 4).withMaxCascadeRecords(3));
        Instant archivedAt = null;
        for (int i = 0; i < 4; i++) {
            RecordId draft = a(DRAFT).create();
            a(DRAFT_NOTE).under(draft).create();
            archivedAt = archive(draft).operation().orElseThrow().at();
        }
        clock().set(archivedAt.plus(KEPT));

        List<Operation> ran = purgeExpired(small);

        assertEquals(
                List.of(2L, 2L, 2L, 2L), ran.stream().map(Operation::total).toList(), "4 roots of 2 records, limit 3");
    }

    @Test
    default void
            r11_r14_a_root_over_the_cascade_limit_alone_is_left_and_reported_and_the_records_after_it_are_purged() {
        defineDrafts();
        RetentionService small = ports().retentionService(new LifecyclePolicy(1000, 100, 2).withMaxCascadeRecords(3));
        RecordId large = a(DRAFT).create();
        for (int i = 0; i < 3; i++) {
            a(DRAFT_NOTE).under(large).create();
        }
        archive(large);
        RecordId next = a(DRAFT).create();
        RecordId last = a(DRAFT).create();
        archive(next);
        Instant lastAt = archive(last).operation().orElseThrow().at();
        clock().set(lastAt.plus(KEPT));

        RetentionRun run = retentionRun(small);

        assertGone(next);
        assertGone(last);
        assertTrue(records().get(manager(), large).record().archived(), "4 records: over the limit of 3, left");
        assertTrue(
                run.left().contains(RetentionRun.Left.overTheCascadeLimit(workspace(), DRAFT, large)),
                "the run reports what it left: " + run.left());
        assertEquals(
                1,
                retentionRun(small).left().stream()
                        .filter(left -> left.workspace().equals(workspace()))
                        .count(),
                "the next run leaves it again, and only it");
    }
}
