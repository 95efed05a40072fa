package io.archivist.application.service;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkLifecycleUseCase;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.BulkResult.Item;
import io.archivist.application.port.in.BulkResult.Outcome;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.Decision;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * R12: bulk archive, restore and delete. All ids are checked and acted on in one unit of work,
 * so that the checks hold when the cascade runs; the ids that pass share one operation per kind.
 * Without {@code atomic}, an id that fails gets its error and the others go ahead; with it, the
 * first failure refuses the whole request and nothing changes.
 */
public final class BulkLifecycleService implements BulkLifecycleUseCase {

    private final RecordReads records;
    private final UnitOfWork unitOfWork;
    private final Workspaces workspaces;
    private final Cascades cascades;
    private final LifecyclePolicy policy;

    public BulkLifecycleService(LifecycleSetup setup) {
        this.records = setup.records();
        this.unitOfWork = setup.unitOfWork();
        this.workspaces = setup.workspaces();
        this.cascades = setup.cascadeSteps();
        this.policy = setup.policy();
    }

    @Override
    public BulkResult bulk(BulkCommand command) {
        Caller caller = command.caller();
        caller.require(PERMISSION);
        if (command.ids().size() > policy.maxBulkIds()) {
            throw new ArchivistException(
                    ErrorCode.LIMIT_EXCEEDED,
                    "a bulk request takes at most " + policy.maxBulkIds() + " ids, this one has "
                            + command.ids().size(),
                    Map.of("limit", policy.maxBulkIds()));
        }
        return unitOfWork.write(caller.workspace(), () -> new Run(command).execute());
    }

    /** One bulk request: the items in the order of the ids, and the roots of each kind of operation. */
    private final class Run {
        private final BulkCommand command;
        private final Caller caller;
        private final Catalog catalog;
        private final Map<RecordId, Item> items = new LinkedHashMap<>();
        private final Map<RecordId, StoredRecord> found = new LinkedHashMap<>();

        Run(BulkCommand command) {
            this.command = command;
            this.caller = command.caller();
            this.catalog = workspaces.catalog(caller);
        }

        BulkResult execute() {
            for (StoredRecord record : records.findAll(caller.workspace(), new LinkedHashSet<>(command.ids()))) {
                found.put(record.id(), record);
            }
            List<Operation> operations = new ArrayList<>();
            switch (command.action()) {
                case ARCHIVE -> archive(distinct(), operations);
                case RESTORE -> restore(operations);
                case DELETE -> delete(operations);
            }
            Set<RecordId> answered = new HashSet<>();
            return new BulkResult(
                    operations,
                    command.ids().stream()
                            .map(id ->
                                    answered.add(id) ? items.get(id) : Item.skipped(id, "named twice in the request"))
                            .toList());
        }

        private List<RecordId> distinct() {
            return new ArrayList<>(new LinkedHashSet<>(command.ids()));
        }

        private void archive(List<RecordId> ids, List<Operation> operations) {
            List<RecordId> roots = new ArrayList<>();
            for (RecordId id : ids) {
                boolean admitted = check(
                        id,
                        record ->
                                decided(id, Lifecycle.decideState(true, record, catalog.require(record.type())), () -> {
                                    cascades.ownUserBlocker(caller, List.of(id), OperationKind.ARCHIVE)
                                            .ifPresent(b -> {
                                                throw b.toException();
                                            });
                                    items.put(id, Item.of(id, Outcome.ARCHIVED));
                                }));
                if (admitted) {
                    roots.add(id);
                }
            }
            if (!roots.isEmpty()) {
                operations.add(cascades.archive(caller, roots));
            }
        }

        private void purge(List<RecordId> ids, List<Operation> operations) {
            List<RecordId> roots = new ArrayList<>();
            for (RecordId id : ids) {
                boolean admitted = check(id, record -> {
                    cascades.ownUserBlocker(caller, List.of(id), OperationKind.PURGE)
                            .ifPresent(b -> {
                                throw b.toException();
                            });
                    items.put(id, Item.of(id, Outcome.PURGED));
                    return true;
                });
                if (admitted) {
                    roots.add(id);
                }
            }
            if (!roots.isEmpty()) {
                operations.add(cascades.purge(caller, roots));
            }
        }

        /**
         * Restored one after another, so that restoring a parent first lets its dependent follow. Each id
         * is decided, checked for archived parents (R5) and restored; the store refuses a unique conflict
         * or a cascade over the limit itself (R6, R14), so each set is walked once, as for a single restore.
         */
        private void restore(List<Operation> operations) {
            cascades.restore(
                            caller,
                            distinct(),
                            (id, restore) -> check(id, ignored -> {
                                // Read again: an earlier id of this request may have restored it already.
                                StoredRecord record = workspaces.record(caller, id);
                                return decided(
                                        id,
                                        Lifecycle.decideState(false, record, catalog.require(record.type())),
                                        () -> {
                                            cascades.archivedParentsBlocker(caller, record)
                                                    .ifPresent(b -> {
                                                        throw b.toException();
                                                    });
                                            restore.run();
                                            items.put(id, Item.of(id, Outcome.RESTORED));
                                        });
                            }),
                            0)
                    .map(Cascades.Restoration::operation)
                    .ifPresent(operations::add);
        }

        /** R1, R3, R4 per id: archived ones and those of types without archive are purged, the rest archived. */
        private void delete(List<Operation> operations) {
            List<RecordId> toPurge = new ArrayList<>();
            List<RecordId> toArchive = new ArrayList<>();
            for (RecordId id : distinct()) {
                StoredRecord record = found.get(id);
                if (record == null) {
                    check(id, r -> true);
                } else if (Lifecycle.decide(Lifecycle.Action.DELETE, record, catalog.require(record.type()))
                        .acts(OperationKind.PURGE)) {
                    toPurge.add(id);
                } else {
                    toArchive.add(id);
                }
            }
            purge(toPurge, operations);
            // A root under a record this request purged is gone with it: it was purged, not archived.
            List<RecordId> stillThere = records.findAll(caller.workspace(), toArchive).stream()
                    .map(StoredRecord::id)
                    .toList();
            toArchive.stream()
                    .filter(id -> !stillThere.contains(id))
                    .forEach(id -> items.put(id, Item.of(id, Outcome.PURGED)));
            archive(toArchive.stream().filter(stillThere::contains).toList(), operations);
        }

        /**
         * One id's decision: {@code act} runs its checks for an action (and records its item), an unchanged
         * record is skipped with the reason (R12), a refusal is thrown for {@link #check}. True when it goes ahead.
         */
        private boolean decided(RecordId id, Decision decision, Runnable act) {
            return decision.fold(
                    kind -> {
                        act.run();
                        return true;
                    },
                    reason -> {
                        items.put(id, Item.skipped(id, reason));
                        return false;
                    },
                    blocker -> {
                        throw blocker.toException();
                    });
        }

        /** One id's checks: true when it goes ahead. */
        private interface Check {
            boolean admit(StoredRecord record);
        }

        /** Runs one id's checks; a refusal becomes its error item, or with {@code atomic} refuses the request. */
        private boolean check(RecordId id, Check check) {
            try {
                StoredRecord record = found.get(id);
                if (record == null) {
                    throw ArchivistException.notFound(id);
                }
                return check.admit(record);
            } catch (ArchivistException refused) {
                if (command.atomic()) {
                    throw refused;
                }
                items.put(id, Item.error(id, refused.code(), refused.getMessage()));
                return false;
            }
        }
    }
}
