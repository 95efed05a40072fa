package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.domain.Caller;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The batch writes seeds use (docs/lifecycle.md#seeds): insertAll and updateAll, each all-or-nothing with the
 * refusals of insert and update; an archived record of a batch claims no unique value and is
 * remembered under its archive operation.
 */
public interface BatchContract extends StoreContractSupport {

    @Test
    default void seeds_insert_a_batch_with_parents_before_children_in_one_call() {
        StoredRecord account = record(ACCOUNT, "acme", List.of(), Map.of());
        StoredRecord project = record(PROJECT, "apollo", List.of(account.id()), Map.of(CODE, "APOLLO"));
        StoredRecord label = record(LABEL, "red", List.of(account.id()), Map.of());
        StoredRecord task = record(TASK, "launch", List.of(project.id(), label.id()), Map.of());

        insertAll(account, project, label, task);

        assertEquals(task, stored(task.id()));
        assertEquals(
                project.id(),
                ports().records()
                        .findByKey(workspace(), PROJECT, "apollo")
                        .orElseThrow()
                        .id());
        assertEquals(Optional.of(project.id()), holderOf(PROJECT, CODE, "APOLLO"));
    }

    @Test
    default void seeds_insert_archived_records_that_claim_no_unique_value_and_restore_together() {
        StoredRecord account = record(ACCOUNT, "acme", List.of(), Map.of());
        StoredRecord active = record(PROJECT, "current", List.of(account.id()), Map.of(CODE, "APOLLO"));
        Operation seedArchive = Operation.begin(
                OperationId.of(UUID.randomUUID()),
                workspace(),
                OperationKind.ARCHIVE,
                Caller.SEED,
                clock().now(),
                List.of());
        StoredRecord old = archived(record(PROJECT, "old", List.of(account.id()), Map.of(CODE, "APOLLO")), seedArchive);
        StoredRecord oldLabel = record(LABEL, "old-label", List.of(account.id()), Map.of());
        StoredRecord oldTask =
                archived(record(TASK, "old-task", List.of(old.id(), oldLabel.id()), Map.of()), seedArchive);
        Operation logged = seedArchive.finish(List.of(old.id()), CountsPerType.of(Map.of(PROJECT, 1L, TASK, 1L)));
        write(() -> ports().operations().save(logged));
        ledger().ran(logged);

        insertAll(account, active, old, oldLabel, oldTask);

        assertEquals(Optional.of(active.id()), holderOf(PROJECT, CODE, "APOLLO"));
        assertEquals(List.of(logged), ports().operations().history(workspace(), oldTask.id()));
        assertArchivedBy(logged, old.id(), oldTask.id());
        delete(active.id());
        LifecycleResult restored = restore(old.id());
        assertEquals(
                Map.of(PROJECT, 1L, TASK, 1L),
                restored.operation().orElseThrow().countsPerType().asMap());
        assertActive(old.id(), oldTask.id());
    }

    @Test
    default void a_batch_with_one_refused_record_inserts_nothing() {
        RecordId existing = a(PROJECT).under(account()).key("apollo").create();
        StoredRecord account = record(ACCOUNT, "acme", List.of(), Map.of());
        StoredRecord fine = record(LABEL, "red", List.of(account.id()), Map.of());
        StoredRecord clash = record(PROJECT, "apollo", List.of(account.id()), Map.of());
        WorkspaceSnapshot before = snapshot();

        var refusal = refused(
                ErrorCode.DUPLICATE_KEY,
                () -> write(() -> ports().records()
                        .insertAll(List.of(withValues(account), withValues(fine), withValues(clash)))));

        assertEquals(existing.toString(), refusal.details().get("holder"));
        PlannerOracle.unchanged(before, snapshot());
        refused(
                ErrorCode.DUPLICATE_KEY,
                () -> write(() -> ports().records()
                        .insertAll(List.of(
                                withValues(account), withValues(record(ACCOUNT, "acme", List.of(), Map.of()))))));
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void seeds_update_a_batch_in_one_call_and_a_stale_or_clashing_one_changes_nothing() {
        RecordId account = account();
        StoredRecord first = stored(project(account, "ONE"));
        StoredRecord second = stored(project(account, "TWO"));
        StoredRecord firstChanged = first.withAttributes(Map.of(CODE, "UNO"), Caller.SEED, clock().now());
        StoredRecord secondChanged = second.withAttributes(Map.of(CODE, "DOS"), Caller.SEED, clock().now());
        StoredRecord secondStale = new StoredRecord(
                second.id(),
                workspace(),
                PROJECT,
                Optional.empty(),
                Map.of(CODE, "DOS"),
                second.parents(),
                Optional.empty(),
                Optional.empty(),
                second.version(),
                second.createdAt(),
                clock().now(),
                second.createdBy(),
                Caller.SEED);
        StoredRecord secondClashing = second.withAttributes(Map.of(CODE, "ONE"), Caller.SEED, clock().now());
        WorkspaceSnapshot before = snapshot();

        refused(
                ErrorCode.PRECONDITION_FAILED,
                () -> write(
                        () -> ports().records().updateAll(List.of(withValues(firstChanged), withValues(secondStale)))));
        refused(
                ErrorCode.UNIQUE_CONFLICT,
                () -> write(() -> ports().records().updateAll(List.of(withValues(secondClashing)))));
        PlannerOracle.unchanged(before, snapshot());

        write(() -> ports().records().updateAll(List.of(withValues(firstChanged), withValues(secondChanged))));

        assertEquals(firstChanged, stored(first.id()));
        assertEquals(secondChanged, stored(second.id()));
        assertEquals(Optional.of(first.id()), holderOf(PROJECT, CODE, "UNO"));
        assertEquals(Optional.empty(), holderOf(PROJECT, CODE, "ONE"));
    }

    default StoredRecord record(String type, String key, List<RecordId> parents, Map<String, Object> attributes) {
        return StoredRecord.create(
                RecordId.of(UUID.randomUUID()),
                workspace(),
                type,
                Optional.of(key),
                attributes,
                parents,
                Caller.SEED,
                clock().now());
    }

    static StoredRecord archived(StoredRecord record, Operation by) {
        Instant at = by.at();
        return new StoredRecord(
                record.id(),
                record.workspace(),
                record.type(),
                record.key(),
                record.attributes(),
                record.parents(),
                Optional.of(at),
                Optional.of(by.id()),
                record.version(),
                record.createdAt(),
                record.updatedAt(),
                record.createdBy(),
                record.updatedBy());
    }

    /** Inserts through the port in one batch; each record counted for I4. */
    default void insertAll(StoredRecord... batch) {
        List<RecordWithUniqueValues> items =
                java.util.Arrays.stream(batch).map(this::withValues).toList();
        write(() -> ports().records().insertAll(items));
        for (StoredRecord record : batch) {
            ledger().created(record.type());
        }
    }
}
