package io.archivist.application.service;

import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.application.port.in.RestoreOperationCommand;
import io.archivist.application.port.in.RestoreOperationUseCase;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Blocker;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Undo of an archive (docs/lifecycle.md#r5): every root the archive operation still holds is restored by
 * R5, one after another under one restore operation, in one unit of work, so that a refusal of any root
 * refuses them all.
 * <p>
 * A root the operation holds whose archived parents are all held by the operation too was reached by the
 * cascade of another of its roots (a bulk archive may name a record and its parent): it comes back with
 * that root, or stays archived with its parent by R5's exception, and is then listed as left archived.
 * Any other archived parent refuses the undo (PARENT_ARCHIVED), as it would refuse restoring that root.
 */
public final class OperationRestoreService implements RestoreOperationUseCase {

    private final RecordReads records;
    private final OperationLog log;
    private final UnitOfWork unitOfWork;
    private final Workspaces workspaces;
    private final Cascades cascades;
    private final LifecyclePolicy policy;

    public OperationRestoreService(LifecycleSetup setup) {
        this.records = setup.records();
        this.log = setup.log();
        this.unitOfWork = setup.unitOfWork();
        this.workspaces = setup.workspaces();
        this.cascades = setup.cascadeSteps();
        this.policy = setup.policy();
    }

    @Override
    public LifecycleResult restore(RestoreOperationCommand command) {
        Caller caller = command.caller();
        caller.require(PERMISSION);
        return unitOfWork.write(caller.workspace(), () -> {
            Operation archive = OperationService.visible(log, caller, command.operation());
            if (archive.kind() != OperationKind.ARCHIVE) {
                throw new ArchivistException(
                        ErrorCode.NOT_AN_ARCHIVE_OPERATION,
                        "operation " + archive.id() + " is a " + archive.kind().wireName()
                                + "; only an archive operation can be restored");
            }
            Map<RecordId, StoredRecord> roots = byId(records.findAll(caller.workspace(), archive.roots()));
            command.ifMatch().ifPresent(version -> requireVersion(archive, roots, version));
            List<StoredRecord> held = archive.roots().stream()
                    .map(roots::get)
                    .filter(root -> root != null && heldBy(archive.id(), root))
                    .toList();
            if (held.isEmpty()) {
                throw new ArchivistException(
                        ErrorCode.NOT_ARCHIVED,
                        "operation " + archive.id() + " holds none of its roots archived any more",
                        Map.of("operation", archive.id().toString()));
            }
            Plan plan = plan(caller, archive.id(), held);
            Cascades.Restoration done = cascades.restore(
                            caller,
                            plan.direct().stream().map(StoredRecord::id).toList(),
                            Cascades.Admission.ALL,
                            policy.maxListedRecords())
                    .orElseThrow();
            List<LeftArchived> left = new ArrayList<>(done.leftArchived());
            left.addAll(stillLeft(caller, archive.id(), plan.withTheOperation(), left));
            Optional<StoredRecord> only = archive.roots().size() == 1
                    ? records.find(caller.workspace(), archive.roots().get(0))
                    : Optional.empty();
            return new LifecycleResult(
                    Outcome.RESTORED,
                    Optional.of(done.operation()),
                    only.map(root -> workspaces.view(workspaces.catalog(caller), root)),
                    left);
        });
    }

    /**
     * R10: If-Match names the version of the operation's one root, as the archive answered it; an operation
     * of several roots has no one version to name.
     */
    private static void requireVersion(Operation archive, Map<RecordId, StoredRecord> roots, long version) {
        if (archive.roots().size() != 1) {
            throw new ArchivistException(
                    ErrorCode.PRECONDITION_FAILED,
                    "operation " + archive.id() + " has " + archive.roots().size()
                            + " roots, and If-Match names the version of one record; send the request without it");
        }
        StoredRecord root = roots.get(archive.roots().get(0));
        if (root != null) {
            Lifecycle.requireVersion(root, java.util.OptionalLong.of(version));
        }
    }

    /** The roots restored one after another, and those held with a parent of the same operation. */
    private record Plan(List<StoredRecord> direct, List<StoredRecord> withTheOperation) {}

    /** R5 for each held root: which come back on their own, which with the operation, and which are refused. */
    private Plan plan(Caller caller, OperationId archive, List<StoredRecord> held) {
        Set<RecordId> parentIds = new LinkedHashSet<>();
        held.forEach(root -> parentIds.addAll(root.parents()));
        Map<RecordId, StoredRecord> parents = byId(records.findAll(caller.workspace(), parentIds));
        List<StoredRecord> direct = new ArrayList<>();
        List<StoredRecord> withTheOperation = new ArrayList<>();
        for (StoredRecord root : held) {
            List<StoredRecord> archivedParents = archivedParents(root, parents);
            if (archivedParents.isEmpty()) {
                direct.add(root);
            } else if (archivedParents.stream().allMatch(parent -> heldBy(archive, parent))) {
                withTheOperation.add(root);
            } else {
                throw refusal(root, archivedParents);
            }
        }
        if (direct.isEmpty()) {
            // Every root waits for a parent that nothing here brings back: R5 refuses the first, as it would alone.
            StoredRecord first = withTheOperation.get(0);
            throw refusal(first, archivedParents(first, parents));
        }
        return new Plan(direct, withTheOperation);
    }

    /** The roots that waited for their parents and stayed archived with them, unless a restore already listed them. */
    private List<LeftArchived> stillLeft(
            Caller caller, OperationId archive, List<StoredRecord> waited, List<LeftArchived> listed) {
        if (waited.isEmpty()) {
            return List.of();
        }
        Set<RecordId> known = listed.stream().map(LeftArchived::id).collect(Collectors.toSet());
        List<StoredRecord> stayed =
                records
                        .findAll(
                                caller.workspace(),
                                waited.stream().map(StoredRecord::id).toList())
                        .stream()
                        .filter(root -> heldBy(archive, root) && !known.contains(root.id()))
                        .toList();
        if (stayed.isEmpty()) {
            return List.of();
        }
        Set<RecordId> parentIds = new LinkedHashSet<>();
        stayed.forEach(root -> parentIds.addAll(root.parents()));
        Map<RecordId, StoredRecord> parents = byId(records.findAll(caller.workspace(), parentIds));
        return stayed.stream()
                .map(root -> new LeftArchived(
                        root.id(),
                        root.type(),
                        archivedParents(root, parents).stream()
                                .map(StoredRecord::id)
                                .toList()))
                .limit(Math.max(0, policy.maxListedRecords() - listed.size()))
                .toList();
    }

    private static boolean heldBy(OperationId archive, StoredRecord record) {
        return record.archiveOperation().equals(Optional.of(archive));
    }

    /** The archived parents of {@code record}, in its parents' order. */
    private static List<StoredRecord> archivedParents(StoredRecord record, Map<RecordId, StoredRecord> parents) {
        return record.parents().stream()
                .map(parents::get)
                .filter(parent -> parent != null && parent.archived())
                .toList();
    }

    private static ArchivistException refusal(StoredRecord root, List<StoredRecord> archivedParents) {
        return Blocker.parentArchived(
                        root.id(),
                        archivedParents.stream().map(StoredRecord::id).sorted().toList())
                .toException();
    }

    private static Map<RecordId, StoredRecord> byId(Collection<StoredRecord> found) {
        return found.stream().collect(Collectors.toMap(StoredRecord::id, Function.identity()));
    }
}
