package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The operation log: every operation with its actor, roots and counts, and each record's history. */
public interface HistoryContract extends StoreContractSupport {

    @Test
    default void history_lists_the_operations_that_touched_a_record_oldest_first() {
        Tree tree = tree();
        Operation archiveTask = archive(tree.task()).operation().orElseThrow();
        Operation restoreTask = restore(tree.task()).operation().orElseThrow();
        Operation archiveAccount = delete(tree.account()).operation().orElseThrow();

        assertEquals(
                List.of(archiveTask, restoreTask, archiveAccount), operations().history(manager(), tree.comment()));
        assertEquals(List.of(archiveAccount), operations().history(manager(), tree.account()));
        assertEquals(List.of(), operations().history(manager(), account()));
    }

    @Test
    default void history_leaves_out_a_restore_that_left_the_record_archived() {
        Tree tree = tree();
        Operation byProject = archive(tree.project()).operation().orElseThrow();
        archive(tree.label());
        Operation restoreProject = restore(tree.project()).operation().orElseThrow();

        assertEquals(List.of(byProject), operations().history(manager(), tree.task()));
        assertEquals(List.of(byProject, restoreProject), operations().history(manager(), tree.project()));
    }

    @Test
    default void history_shows_one_bulk_operation_on_each_record_it_touched() {
        RecordId first = account();
        RecordId second = account();

        Operation operation =
                bulk(Action.ARCHIVE, false, first, second).operations().get(0);

        assertEquals(List.of(operation), operations().history(manager(), first));
        assertEquals(List.of(operation), operations().history(manager(), second));
    }

    @Test
    default void an_operation_is_read_with_its_kind_actor_time_roots_and_counts_per_type() {
        Tree tree = tree();
        Operation archive = delete(tree.account()).operation().orElseThrow();

        Operation read = operations().operation(admin(), archive.id());

        assertEquals(archive, read);
        assertEquals(manager().actor(), read.actor());
        assertEquals(List.of(tree.account()), read.roots());
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L, COMMENT, 1L),
                read.countsPerType().asMap());
        assertEquals(5, read.total());
        assertEquals(archive, operations().operation(manager(), archive.id()), "its actor reads it too");
        refused(
                ErrorCode.OPERATION_NOT_FOUND,
                () -> operations().operation(admin(), OperationId.of(UUID.randomUUID())));
    }

    @Test
    default void the_log_keeps_a_purge_after_its_records_are_gone() {
        Tree tree = tree();
        Operation archive = delete(tree.account()).operation().orElseThrow();
        Operation purge = delete(tree.account()).operation().orElseThrow();

        refused(ErrorCode.RECORD_NOT_FOUND, () -> operations().history(manager(), tree.task()));
        assertEquals(purge, operations().operation(admin(), purge.id()));
        assertEquals(archive, operations().operation(admin(), archive.id()));
        assertEquals(archive.countsPerType(), purge.countsPerType());
    }
}
