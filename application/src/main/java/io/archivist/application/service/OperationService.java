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
import io.archivist.domain.StoredRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        // A page of the plain log is one statement; a page of restorable operations reads their roots
        // too, in the same state as the counts it shows.
        return seen.restorable()
                ? unitOfWork.read(caller.workspace(), () -> restorablePage(caller, seen, before, limit))
                : unitOfWork.readLatest(caller.workspace(), () -> {
                    Page page = page(caller, seen, before, limit);
                    return new OperationPage(
                            page.items().stream()
                                    .map(logged -> new Listed(logged.operation(), Optional.empty()))
                                    .toList(),
                            page.next());
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

    /** A page of the log: at most {@code limit} operations, and the cursor of the next page if there is one. */
    private record Page(List<OperationLog.Logged> items, Optional<String> next) {}

    private Page page(Caller caller, OperationFilter filter, Optional<OperationId> before, int limit) {
        List<OperationLog.Logged> found = operations.page(caller.workspace(), filter, before, limit + 1);
        List<OperationLog.Logged> items = found.subList(0, Math.min(limit, found.size()));
        Optional<String> next = found.size() > limit
                ? Optional.of(
                        PageCursor.after(items.get(items.size() - 1).operation().id(), filter))
                : Optional.empty();
        return new Page(items, next);
    }

    /**
     * Restorable operations with what each still holds: its first {@link #NAMED_ROOTS} roots, read in one go
     * for the whole page and named when they are still archived by it, and when the retention job will
     * start on it. Every record of an archive operation was archived at its time (R1, and a seed's records
     * join an operation only with the same deleted_at), so its records' purge_after is its time plus their
     * type's retention, and the first is its time plus the shortest retention of the types it archived.
     */
    private OperationPage restorablePage(
            Caller caller, OperationFilter filter, Optional<OperationId> before, int limit) {
        Page page = page(caller, filter, before, limit);
        Catalog catalog = workspaces.catalog(caller);
        Set<RecordId> rootIds = new LinkedHashSet<>();
        page.items().forEach(logged -> rootIds.addAll(firstRoots(logged.operation())));
        Map<RecordId, StoredRecord> roots = records.findAll(caller.workspace(), rootIds).stream()
                .collect(Collectors.toMap(StoredRecord::id, Function.identity()));
        List<Listed> listed = new ArrayList<>();
        for (OperationLog.Logged logged : page.items()) {
            Operation operation = logged.operation();
            List<NamedRecord> held = firstRoots(operation).stream()
                    .map(roots::get)
                    .filter(root -> root != null && root.archiveOperation().equals(Optional.of(operation.id())))
                    .map(root -> NamedRecord.of(root, catalog))
                    .toList();
            Optional<Instant> purgeAfter = operation.countsPerType().types().stream()
                    .map(catalog::find)
                    .flatMap(Optional::stream)
                    .map(ObjectType::retention)
                    .flatMap(Optional::stream)
                    .map(retention -> retention.purgeAfter(operation.at()))
                    .min(Comparator.naturalOrder());
            listed.add(new Listed(operation, Optional.of(new StillArchived(held, logged.stillArchived(), purgeAfter))));
        }
        return new OperationPage(listed, page.next());
    }

    private static List<RecordId> firstRoots(Operation operation) {
        return operation
                .roots()
                .subList(0, Math.min(NAMED_ROOTS, operation.roots().size()));
    }
}
