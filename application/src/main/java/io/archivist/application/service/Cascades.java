package io.archivist.application.service;

import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.application.port.out.TimeSource;
import io.archivist.domain.Blocker;
import io.archivist.domain.Caller;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The steps one archive, restore or purge takes, shared by the single-record and the bulk
 * use cases: check the blockers (R5, R6, R7), then apply through the set-oriented store and log
 * the operation. Called inside a unit of work.
 */
final class Cascades {

    private final RecordReads records;
    private final RecordCascades cascades;
    private final OperationLog log;
    private final IdGenerator ids;
    private final TimeSource time;
    private final LifecyclePolicy policy;
    private final LifecycleMetrics metrics;

    Cascades(
            RecordReads records,
            RecordCascades cascades,
            OperationLog log,
            IdGenerator ids,
            TimeSource time,
            LifecyclePolicy policy,
            LifecycleMetrics metrics) {
        this.records = records;
        this.cascades = cascades;
        this.log = log;
        this.ids = ids;
        this.time = time;
        this.policy = policy;
        this.metrics = metrics;
    }

    /** R7: the cascade of {@code roots} reaches the caller's own user. */
    Optional<Blocker> ownUserBlocker(Caller caller, List<RecordId> roots, OperationKind kind) {
        return Workspaces.ownUser(records, caller)
                .filter(user -> kind == OperationKind.PURGE
                        ? cascades.purgeReaches(caller.workspace(), roots, user)
                        : cascades.archiveReaches(caller.workspace(), roots, user))
                .map(Blocker::ownUser);
    }

    /** R5: a record whose own parents are archived cannot be restored. */
    Optional<Blocker> archivedParentsBlocker(Caller caller, StoredRecord record) {
        List<RecordId> archived = records.findAll(caller.workspace(), record.parents()).stream()
                .filter(StoredRecord::archived)
                .map(StoredRecord::id)
                .sorted()
                .toList();
        return archived.isEmpty() ? Optional.empty() : Optional.of(Blocker.parentArchived(record.id(), archived));
    }

    /**
     * R13: every blocker of restoring the archived {@code record} (R5 parents, R6 unique values, R14), and
     * the outline of the restore, naming the first {@code named} records of each type that would come back.
     * A restore itself does not ask: the store refuses what the outline would find.
     */
    RestoreCheck checkRestore(Caller caller, StoredRecord record, int named) {
        RestoreOutline outline =
                cascades.outlineRestore(caller.workspace(), record.id(), policy.maxListedRecords(), named);
        List<Blocker> blockers = new ArrayList<>();
        archivedParentsBlocker(caller, record).ifPresent(blockers::add);
        outline.conflicts().forEach(conflict -> blockers.add(Blocker.uniqueConflict(conflict)));
        Blocker.overCascadeLimit(outline.countsPerType(), policy.maxCascadeRecords())
                .ifPresent(blockers::add);
        return new RestoreCheck(outline, blockers);
    }

    record RestoreCheck(RestoreOutline outline, List<Blocker> blockers) {}

    Operation archive(Caller caller, List<RecordId> roots) {
        long started = System.nanoTime();
        Operation operation = begin(caller, OperationKind.ARCHIVE, roots);
        return finish(operation, roots, cascades.archive(operation, policy.maxCascadeRecords()), started);
    }

    Operation purge(Caller caller, List<RecordId> roots) {
        long started = System.nanoTime();
        Operation operation = begin(caller, OperationKind.PURGE, roots);
        return finish(operation, roots, cascades.purge(operation, policy.maxCascadeRecords()), started);
    }

    /**
     * Restores the candidates one after another under one operation. {@code admission} runs before each
     * and may refuse it, so that a check sees what the earlier candidates restored; the restore itself
     * runs inside the admission, so that a refusal of the store (R6, R14) is that candidate's too. Logs
     * nothing when no candidate was restored. The result lists at most {@code listLimit} records left archived.
     */
    Optional<Restoration> restore(Caller caller, List<RecordId> candidates, Admission admission, int listLimit) {
        long started = System.nanoTime();
        Operation operation = begin(caller, OperationKind.RESTORE, candidates);
        List<RecordId> applied = new ArrayList<>();
        CountsPerType.Builder counts = CountsPerType.builder();
        List<LeftArchived> left = new ArrayList<>();
        for (RecordId root : candidates) {
            admission.admit(root, () -> {
                // One walk of the set both restores it and says what it left archived (RecordCascades#restore).
                RecordCascades.Restored restored = cascades.restore(
                        root,
                        operation,
                        listLimit - left.size(),
                        policy.maxCascadeRecords() - counts.build().total());
                counts.add(restored.countsPerType());
                left.addAll(restored.leftArchived());
                applied.add(root);
            });
        }
        return applied.isEmpty()
                ? Optional.empty()
                : Optional.of(new Restoration(finish(operation, applied, counts.build(), started), left));
    }

    /** Whether and how one candidate of {@link #restore} goes ahead. */
    interface Admission {
        /** Every candidate goes ahead, and a refusal refuses the whole restore. */
        Admission ALL = (root, restore) -> restore.run();

        /** Runs {@code restore} for {@code root} once its checks pass, or refuses it. */
        void admit(RecordId root, Runnable restore);
    }

    /** A logged restore, and what it left archived. */
    record Restoration(Operation operation, List<LeftArchived> leftArchived) {}

    private Operation begin(Caller caller, OperationKind kind, List<RecordId> roots) {
        return Operation.begin(
                OperationId.of(ids.next()), caller.workspace(), kind, caller.actor(), Workspaces.now(time), roots);
    }

    /** Logs the operation; the metrics hear of it, and of the time since {@code started}, once its unit commits. */
    private Operation finish(Operation operation, List<RecordId> roots, CountsPerType counts, long started) {
        Operation done = operation.finish(roots, counts);
        log.save(done);
        metrics.operationCommitted(done, Duration.ofNanos(System.nanoTime() - started));
        return done;
    }
}
