package io.archivist.application.service;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.application.port.in.LifecycleUseCase;
import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.out.CascadeOutline;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.Blocker;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.Decision;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.NamedRecord;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.Preview;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Archive, restore, purge and preview of one record (docs/lifecycle.md). */
public final class LifecycleService implements LifecycleUseCase {

    private final RecordCascades recordCascades;
    private final UnitOfWork unitOfWork;
    private final Workspaces workspaces;
    private final Cascades cascades;
    private final LifecyclePolicy policy;

    public LifecycleService(LifecycleSetup setup) {
        this.policy = setup.policy();
        this.recordCascades = setup.cascades();
        this.unitOfWork = setup.unitOfWork();
        this.workspaces = setup.workspaces();
        this.cascades = setup.cascadeSteps();
    }

    @Override
    public LifecycleResult delete(LifecycleCommand command) {
        return inUnit(command, (record, type) -> Lifecycle.decide(Lifecycle.Action.DELETE, record, type));
    }

    @Override
    public LifecycleResult archive(LifecycleCommand command) {
        return inUnit(command, (record, type) -> Lifecycle.decide(Lifecycle.Action.ARCHIVE, record, type));
    }

    @Override
    public LifecycleResult restore(LifecycleCommand command) {
        return inUnit(command, (record, type) -> Lifecycle.decide(Lifecycle.Action.RESTORE, record, type));
    }

    @Override
    public LifecycleResult setArchived(LifecycleCommand command, boolean archived) {
        return inUnit(command, (record, type) -> Lifecycle.decideState(archived, record, type));
    }

    @Override
    public Preview preview(Caller caller, RecordId id, OperationKind action) {
        caller.require(PERMISSION);
        return unitOfWork.read(caller.workspace(), () -> {
            StoredRecord record = workspaces.record(caller, id);
            Catalog catalog = workspaces.catalog(caller);
            List<RecordId> roots = List.of(id);
            return Lifecycle.decide(Lifecycle.Action.of(action), record, catalog.require(record.type()))
                    .fold(
                            kind -> previewOf(caller, record, kind, catalog),
                            unchanged -> new Preview(action, roots, CountsPerType.none(), List.of(), List.of()),
                            blocker -> {
                                throw blocker.toException();
                            });
        });
    }

    /**
     * R13: the counts, the first records of each type by name, the blockers, and for a purge the other
     * archive operations it would destroy records of, of running {@code kind} from {@code record}.
     */
    private Preview previewOf(Caller caller, StoredRecord record, OperationKind kind, Catalog catalog) {
        List<RecordId> roots = List.of(record.id());
        int named = Preview.NAMED_PER_TYPE;
        if (kind == OperationKind.RESTORE) {
            Cascades.RestoreCheck check = cascades.checkRestore(caller, record, named);
            RestoreOutline outline = check.outline();
            return new Preview(
                    kind,
                    roots,
                    outline.countsPerType(),
                    namedByType(outline.first(), catalog),
                    outline.leftArchived(),
                    check.blockers(),
                    List.of());
        }
        List<Blocker> blockers = new ArrayList<>();
        cascades.ownUserBlocker(caller, roots, kind).ifPresent(blockers::add);
        CascadeOutline outline = kind == OperationKind.ARCHIVE
                ? recordCascades.outlineArchive(caller.workspace(), roots, named)
                : recordCascades.outlinePurge(caller.workspace(), roots, named);
        Blocker.overCascadeLimit(outline.countsPerType(), policy.maxCascadeRecords())
                .ifPresent(blockers::add);
        // "Other" operations: not the one that archived the record named, whose archive the purge is meant to end.
        List<Preview.AlsoDestroyed> alsoDestroys = outline.archivedBy().entrySet().stream()
                .filter(held -> !record.archiveOperation().equals(Optional.of(held.getKey())))
                .limit(named)
                .map(held -> new Preview.AlsoDestroyed(held.getKey(), held.getValue()))
                .toList();
        return new Preview(
                kind,
                roots,
                outline.countsPerType(),
                namedByType(outline.first(), catalog),
                List.of(),
                blockers,
                alsoDestroys);
    }

    /** The records a store outlined, named, by type (in the order it gave them: id order). */
    private static Map<String, List<NamedRecord>> namedByType(List<StoredRecord> first, Catalog catalog) {
        Map<String, List<NamedRecord>> named = new TreeMap<>();
        first.forEach(record ->
                named.computeIfAbsent(record.type(), type -> new ArrayList<>()).add(NamedRecord.of(record, catalog)));
        return named;
    }

    private LifecycleResult archive(Caller caller, StoredRecord record, Catalog catalog) {
        cascades.ownUserBlocker(caller, List.of(record.id()), OperationKind.ARCHIVE)
                .ifPresent(blocker -> {
                    throw blocker.toException();
                });
        Operation operation = cascades.archive(caller, List.of(record.id()));
        return result(Outcome.ARCHIVED, operation, caller, record, catalog, List.of());
    }

    private LifecycleResult purge(Caller caller, StoredRecord record) {
        cascades.ownUserBlocker(caller, List.of(record.id()), OperationKind.PURGE)
                .ifPresent(blocker -> {
                    throw blocker.toException();
                });
        Operation operation = cascades.purge(caller, List.of(record.id()));
        return new LifecycleResult(Outcome.PURGED, Optional.of(operation), Optional.empty(), List.of());
    }

    private LifecycleResult restore(Caller caller, StoredRecord record, Catalog catalog) {
        cascades.archivedParentsBlocker(caller, record).ifPresent(blocker -> {
            throw blocker.toException();
        });
        // R6: the store refuses a unique conflict itself, naming it, and restores nothing; checking
        // first would walk the whole set twice.
        Cascades.Restoration done = cascades.restore(
                        caller, List.of(record.id()), Cascades.Admission.ALL, policy.maxListedRecords())
                .orElseThrow();
        return result(Outcome.RESTORED, done.operation(), caller, record, catalog, done.leftArchived());
    }

    private LifecycleResult result(
            Outcome outcome,
            Operation operation,
            Caller caller,
            StoredRecord before,
            Catalog catalog,
            List<LeftArchived> left) {
        RecordView after = workspaces.view(catalog, workspaces.record(caller, before.id()));
        return new LifecycleResult(outcome, Optional.of(operation), Optional.of(after), left);
    }

    private LifecycleResult unchanged(StoredRecord record, Catalog catalog) {
        return new LifecycleResult(
                Outcome.UNCHANGED, Optional.empty(), Optional.of(workspaces.view(catalog, record)), List.of());
    }

    /** Asks the domain what the command means for the record it loaded. */
    private interface Question {
        Decision ask(StoredRecord record, ObjectType type);
    }

    /**
     * Role check, then load, If-Match, the decision and what it calls for, all in one unit of work of the
     * caller's workspace.
     */
    private LifecycleResult inUnit(LifecycleCommand command, Question question) {
        Caller caller = command.caller();
        caller.require(PERMISSION);
        return unitOfWork.write(caller.workspace(), () -> {
            StoredRecord record = workspaces.record(caller, command.id());
            Lifecycle.requireVersion(record, command.ifMatch());
            Catalog catalog = workspaces.catalog(caller);
            return question.ask(record, catalog.require(record.type()))
                    .fold(
                            kind -> switch (kind) {
                                case ARCHIVE -> archive(caller, record, catalog);
                                case RESTORE -> restore(caller, record, catalog);
                                case PURGE -> purge(caller, record);
                            },
                            unchanged -> unchanged(record, catalog),
                            blocker -> {
                                throw blocker.toException();
                            });
        });
    }
}
