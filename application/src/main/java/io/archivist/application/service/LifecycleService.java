package io.archivist.application.service;

import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.application.port.in.LifecycleUseCase;
import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.Blocker;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Lifecycle;
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

/** Archive, restore, purge and preview of one record (docs/lifecycle.md). */
public final class LifecycleService implements LifecycleUseCase {

    private final RecordCascades recordCascades;
    private final UnitOfWork unitOfWork;
    private final Workspaces workspaces;
    private final Cascades cascades;
    private final LifecyclePolicy policy;

    public LifecycleService(RecordReads records, RecordCascades cascades, OperationLog log, CatalogStore catalogs,
                            CatalogCache catalogCache, UnitOfWork unitOfWork, TimeSource time, IdGenerator ids,
                            LifecyclePolicy policy) {
        this.policy = policy;
        this.recordCascades = cascades;
        this.unitOfWork = unitOfWork;
        this.workspaces = new Workspaces(records, catalogs, catalogCache, time);
        this.cascades = new Cascades(records, cascades, log, ids, time, policy);
    }

    @Override
    public LifecycleResult delete(LifecycleCommand command) {
        return inUnit(command, (record, type, catalog) -> switch (Lifecycle.onDelete(record, type)) {
            case ARCHIVE -> archive(command.caller(), record, catalog);
            case PURGE -> purge(command.caller(), record);
        });
    }

    @Override
    public LifecycleResult archive(LifecycleCommand command) {
        return inUnit(command, (record, type, catalog) -> {
            Lifecycle.requireArchivable(type);
            return record.archived() ? unchanged(record, catalog) : archive(command.caller(), record, catalog);
        });
    }

    @Override
    public LifecycleResult restore(LifecycleCommand command) {
        return inUnit(command, (record, type, catalog) -> restore(command.caller(), record, catalog));
    }

    @Override
    public LifecycleResult setArchived(LifecycleCommand command, boolean archived) {
        return inUnit(command, (record, type, catalog) -> {
            if (record.archived() == archived) {
                return unchanged(record, catalog);
            }
            if (archived) {
                Lifecycle.requireArchivable(type);
                return archive(command.caller(), record, catalog);
            }
            return restore(command.caller(), record, catalog);
        });
    }

    @Override
    public Preview preview(Caller caller, RecordId id, OperationKind action) {
        caller.require(PERMISSION);
        return unitOfWork.read(caller.workspace(), () -> {
            StoredRecord record = workspaces.record(caller, id);
            List<RecordId> roots = List.of(id);
            List<Blocker> blockers = new ArrayList<>();
            return switch (action) {
                case ARCHIVE -> {
                    Lifecycle.requireArchivable(workspaces.catalog(caller).require(record.type()));
                    Lifecycle.requireActive(record);
                    cascades.ownUserBlocker(caller, roots, action).ifPresent(blockers::add);
                    Map<String, Long> counts = recordCascades.countArchive(caller.workspace(), roots);
                    Blocker.overCascadeLimit(counts, policy.maxCascadeRecords()).ifPresent(blockers::add);
                    yield new Preview(action, roots, counts, List.of(), blockers);
                }
                case PURGE -> {
                    cascades.ownUserBlocker(caller, roots, action).ifPresent(blockers::add);
                    Map<String, Long> counts = recordCascades.countPurge(caller.workspace(), roots);
                    Blocker.overCascadeLimit(counts, policy.maxCascadeRecords()).ifPresent(blockers::add);
                    yield new Preview(action, roots, counts, List.of(), blockers);
                }
                case RESTORE -> {
                    Cascades.RestoreCheck check = cascades.checkRestore(caller, record);
                    RestoreOutline outline = check.outline();
                    yield new Preview(action, roots, outline.countsPerType(), outline.leftArchived(), check.blockers());
                }
            };
        });
    }

    private LifecycleResult archive(Caller caller, StoredRecord record, Catalog catalog) {
        cascades.ownUserBlocker(caller, List.of(record.id()), OperationKind.ARCHIVE).ifPresent(blocker -> {
            throw blocker.toException();
        });
        Operation operation = cascades.archive(caller, List.of(record.id()));
        return result(Outcome.ARCHIVED, operation, caller, record, catalog, List.of());
    }

    private LifecycleResult purge(Caller caller, StoredRecord record) {
        cascades.ownUserBlocker(caller, List.of(record.id()), OperationKind.PURGE).ifPresent(blocker -> {
            throw blocker.toException();
        });
        Operation operation = cascades.purge(caller, List.of(record.id()));
        return new LifecycleResult(Outcome.PURGED, Optional.of(operation), Optional.empty(), List.of());
    }

    private LifecycleResult restore(Caller caller, StoredRecord record, Catalog catalog) {
        Lifecycle.requireArchived(record);
        cascades.archivedParentsBlocker(caller, record).ifPresent(blocker -> {
            throw blocker.toException();
        });
        // R6: the store refuses a unique conflict itself, naming it, and restores nothing; checking
        // first would walk the whole set twice.
        Cascades.Restoration done = cascades.restore(caller, List.of(record.id()), root -> true,
                policy.maxListedRecords()).orElseThrow();
        return result(Outcome.RESTORED, done.operation(), caller, record, catalog, done.leftArchived());
    }

    private LifecycleResult result(Outcome outcome, Operation operation, Caller caller, StoredRecord before,
                                   Catalog catalog, List<LeftArchived> left) {
        RecordView after = workspaces.view(catalog, workspaces.record(caller, before.id()));
        return new LifecycleResult(outcome, Optional.of(operation), Optional.of(after), left);
    }

    private LifecycleResult unchanged(StoredRecord record, Catalog catalog) {
        return new LifecycleResult(Outcome.UNCHANGED, Optional.empty(),
                Optional.of(workspaces.view(catalog, record)), List.of());
    }

    private interface Step {
        LifecycleResult apply(StoredRecord record, ObjectType type, Catalog catalog);
    }

    /** Role check, then load, If-Match and the step, all in one unit of work of the caller's workspace. */
    private LifecycleResult inUnit(LifecycleCommand command, Step step) {
        Caller caller = command.caller();
        caller.require(PERMISSION);
        return unitOfWork.write(caller.workspace(), () -> {
            StoredRecord record = workspaces.record(caller, command.id());
            Lifecycle.requireVersion(record, command.ifMatch());
            Catalog catalog = workspaces.catalog(caller);
            return step.apply(record, catalog.require(record.type()), catalog);
        });
    }

}
