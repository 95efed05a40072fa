package io.archivist.application.service;

import io.archivist.application.port.in.OperationQuery;
import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.NamedRecord;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The operation log as clients read it. */
public final class OperationService implements OperationQuery {

    private final RecordReads records;
    private final OperationLog operations;
    private final UnitOfWork unitOfWork;
    private final Workspaces workspaces;

    public OperationService(
            RecordReads records,
            OperationLog operations,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            UnitOfWork unitOfWork,
            TimeSource time) {
        this.records = records;
        this.operations = operations;
        this.unitOfWork = unitOfWork;
        this.workspaces = new Workspaces(records, catalogs, catalogCache, time);
    }

    @Override
    public List<Operation> history(Caller caller, RecordId id) {
        return unitOfWork.read(caller.workspace(), () -> {
            Workspaces.record(records, caller, id);
            return operations.history(caller.workspace(), id);
        });
    }

    @Override
    public Operation operation(Caller caller, OperationId id) {
        return visible(operations, caller, id);
    }

    /**
     * The operation, if the caller may read it: admins read every operation of the workspace, other roles
     * their own (docs/lifecycle.md#roles); another workspace's is as unknown as one that never was.
     */
    static Operation visible(OperationLog operations, Caller caller, OperationId id) {
        Operation operation = operations
                .find(caller.workspace(), id)
                .orElseThrow(() ->
                        new ArchivistException(ErrorCode.OPERATION_NOT_FOUND, "operation " + id + " does not exist"));
        if (!readsEveryOperation(caller) && !operation.actor().equals(caller.actor())) {
            // docs/lifecycle.md#roles: a 403 never names another actor.
            throw new ArchivistException(
                    ErrorCode.FORBIDDEN,
                    "operation " + id + " is not yours; only admins read the operations of others");
        }
        return operation;
    }

    private static boolean readsEveryOperation(Caller caller) {
        return caller.may(Permission.ADMINISTER);
    }

    @Override
    public OperationPage list(Caller caller, OperationFilter filter, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ArchivistException.invalid("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        OperationFilter seen = visibleTo(caller, filter);
        Optional<OperationId> before = cursor.map(text -> PageCursor.decode(text, seen));
        if (seen.selectsNothing()) {
            return new OperationPage(List.of(), Optional.empty());
        }
        if (seen.restorable()) {
            // Its roots are read in the same state as the counts it shows: by one statement where the store
            // reads them in one, else in a consistent read (which costs a store its setup and its end).
            Supplier<OperationPage> page = () -> restorablePage(caller, seen, before, limit);
            return operations.readsHoldingPageInOneStatement()
                    ? unitOfWork.readLatest(caller.workspace(), page)
                    : unitOfWork.read(caller.workspace(), page);
        }
        // A page of the plain log is one statement.
        return unitOfWork.readLatest(caller.workspace(), () -> {
            List<OperationLog.Logged> found = operations.page(caller.workspace(), seen, before, limit + 1);
            List<Listed> items = found.subList(0, Math.min(limit, found.size())).stream()
                    .map(logged -> new Listed(logged.operation(), Optional.empty()))
                    .toList();
            return new OperationPage(items, next(items, found.size() > limit, seen));
        });
    }

    /** docs/lifecycle.md#roles: other roles than admins page their own operations, and ask for nobody else's. */
    private static OperationFilter visibleTo(Caller caller, OperationFilter filter) {
        if (readsEveryOperation(caller)) {
            return filter;
        }
        if (filter.actor().isPresent() && !filter.actor().get().equals(caller.actor())) {
            throw new ArchivistException(
                    ErrorCode.FORBIDDEN, "only admins read the operations of others; leave out actor to read yours");
        }
        return filter.ofActor(caller.actor());
    }

    /**
     * The cursor of the page after {@code items} when the store found more than them (it is asked for one
     * operation more than a page holds).
     */
    private static Optional<String> next(List<Listed> items, boolean more, OperationFilter filter) {
        return more
                ? Optional.of(
                        PageCursor.after(items.get(items.size() - 1).operation().id(), filter))
                : Optional.empty();
    }

    /**
     * Restorable operations with what each still holds: those of its first {@link #NAMED_ROOTS} roots that are
     * still archived by it, named ({@link OperationLog#holdingPage}), and when the retention job will start
     * on it. Every record of an archive operation was archived at its time (R1, and a seed's records
     * join an operation only with the same deleted_at), so its records' purge_after is its time plus their
     * type's retention, and the first is its time plus the shortest retention of the types it archived.
     */
    private OperationPage restorablePage(
            Caller caller, OperationFilter filter, Optional<OperationId> before, int limit) {
        OperationLog.HoldingPage found =
                operations.holdingPage(caller.workspace(), filter, before, limit + 1, NAMED_ROOTS, records);
        if (found.items().isEmpty()) {
            return new OperationPage(List.of(), Optional.empty());
        }
        Catalog catalog = found.catalogVersion().isPresent()
                ? workspaces.catalogAt(caller, found.catalogVersion().getAsLong())
                : workspaces.catalog(caller);
        List<Listed> items = new ArrayList<>();
        for (OperationLog.Holding holding :
                found.items().subList(0, Math.min(limit, found.items().size()))) {
            Operation operation = holding.logged().operation();
            List<NamedRecord> held = holding.heldRoots().stream()
                    .map(root -> NamedRecord.of(root, catalog))
                    .toList();
            Optional<Instant> purgeAfter = operation.countsPerType().types().stream()
                    .map(catalog::find)
                    .flatMap(Optional::stream)
                    .map(ObjectType::retention)
                    .flatMap(Optional::stream)
                    .map(retention -> retention.purgeAfter(operation.at()))
                    .min(Comparator.naturalOrder());
            items.add(new Listed(
                    operation,
                    Optional.of(new StillArchived(held, holding.logged().stillArchived(), purgeAfter))));
        }
        return new OperationPage(items, next(items, found.items().size() > limit, filter));
    }
}
