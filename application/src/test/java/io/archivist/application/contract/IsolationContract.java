package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.domain.Caller;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.UniqueValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md#concepts: nothing of another workspace is ever visible; its ids are as unknown as purged ones. */
public interface IsolationContract extends StoreContractSupport {

    @Test
    default void another_workspace_s_record_is_record_not_found_everywhere_and_stays_unchanged() {
        Tree tree = tree();
        archive(tree.comment());
        Caller stranger = managerOfAnotherWorkspace();
        WorkspaceSnapshot before = snapshot();
        RecordId task = tree.task();
        RecordId comment = tree.comment();

        refused(ErrorCode.RECORD_NOT_FOUND, () -> records().get(stranger, task));
        refused(
                ErrorCode.RECORD_NOT_FOUND,
                () -> records()
                        .update(new UpdateRecordCommand(stranger, task, Map.of("name", "x"), OptionalLong.empty())));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> lifecycle().delete(LifecycleCommand.of(stranger, task)));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> lifecycle().archive(LifecycleCommand.of(stranger, task)));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> lifecycle().restore(LifecycleCommand.of(stranger, comment)));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> lifecycle().setArchived(LifecycleCommand.of(stranger, task), true));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> lifecycle().preview(stranger, task, OperationKind.PURGE));
        refused(ErrorCode.RECORD_NOT_FOUND, () -> operations().history(stranger, task));
        refused(
                ErrorCode.VALIDATION_FAILED,
                () -> a(COMMENT).by(stranger).under(task).create());
        BulkResult bulkResult = bulk().bulk(new BulkCommand(stranger, Action.DELETE, List.of(task, comment), false));
        assertEquals(
                List.of(Optional.of(ErrorCode.RECORD_NOT_FOUND), Optional.of(ErrorCode.RECORD_NOT_FOUND)),
                bulkResult.items().stream().map(BulkResult.Item::error).toList());
        assertEquals(
                List.of(),
                records()
                        .list(
                                stranger,
                                RecordFilter.ofType(TASK, RecordFilter.ArchivedFilter.ANY),
                                10,
                                Optional.empty())
                        .items());

        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void another_workspace_s_operations_are_not_found() {
        RecordId account = account();
        Operation archive = delete(account).operation().orElseThrow();
        Caller stranger = managerOfAnotherWorkspace();

        refused(ErrorCode.OPERATION_NOT_FOUND, () -> operations().operation(stranger, archive.id()));
        assertEquals(Optional.empty(), ports().operations().find(stranger.workspace(), archive.id()));
        assertEquals(List.of(), ports().operations().history(stranger.workspace(), account));
    }

    @Test
    default void the_store_reads_nothing_of_another_workspace() {
        Tree tree = tree();
        a(PROJECT).under(tree.account()).key("apollo").with(CODE, "ALPHA").create();
        var other = managerOfAnotherWorkspace().workspace();

        assertEquals(Optional.empty(), ports().records().find(other, tree.task()));
        assertEquals(List.of(), ports().records().findAll(other, tree.all()));
        assertEquals(Optional.empty(), ports().records().findByKey(other, PROJECT, "apollo"));
        assertEquals(
                Optional.empty(),
                ports().records().activeHolder(other, PROJECT, CODE, UniqueValues.canonical(CODE, "ALPHA")));
        assertEquals(List.of(), ports().records().page(other, RecordFilter.all(), Optional.empty(), 10));
        assertEquals(
                List.of(),
                ports().records()
                        .page(
                                other,
                                new RecordFilter(
                                        Optional.empty(), RecordFilter.ArchivedFilter.ANY, Optional.of(tree.account())),
                                Optional.empty(),
                                10));
        assertEquals(CountsPerType.none(), ports().records().countArchive(other, List.of(tree.account())));
        assertEquals(CountsPerType.none(), ports().records().countPurge(other, List.of(tree.account())));
        assertFalse(ports().records().archiveReaches(other, List.of(tree.account()), tree.task()));
        assertFalse(ports().records().purgeReaches(other, List.of(tree.account()), tree.task()));
    }

    @Test
    default void a_cascade_run_in_another_workspace_never_touches_this_one() {
        Tree tree = tree();
        archive(tree.label());
        var other = managerOfAnotherWorkspace().workspace();
        WorkspaceSnapshot before = snapshot();

        CountsPerType archived = ports().unitOfWork()
                .write(
                        other,
                        () -> ports().records()
                                .archive(Operation.begin(
                                        OperationId.of(UUID.randomUUID()),
                                        other,
                                        OperationKind.ARCHIVE,
                                        "kit",
                                        clock().now(),
                                        List.of(tree.account()))));
        CountsPerType purged = ports().unitOfWork()
                .write(
                        other,
                        () -> ports().records()
                                .purge(Operation.begin(
                                        OperationId.of(UUID.randomUUID()),
                                        other,
                                        OperationKind.PURGE,
                                        "kit",
                                        clock().now(),
                                        List.of(tree.label()))));

        assertEquals(CountsPerType.none(), archived);
        assertEquals(CountsPerType.none(), purged);
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void unique_values_and_keys_are_per_workspace() {
        ownUser(manager());
        a(PROJECT).under(account()).key("apollo").with(CODE, "ALPHA").create();
        Caller stranger = managerOfAnotherWorkspace();

        a(USER).by(stranger).with(USERNAME, manager().actor()).create();
        RecordId account = a(ACCOUNT).by(stranger).create();
        a(PROJECT).by(stranger).under(account).key("apollo").with(CODE, "ALPHA").create();
    }
}
