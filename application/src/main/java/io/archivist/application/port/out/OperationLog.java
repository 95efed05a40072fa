package io.archivist.application.port.out;

import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every archive, restore and purge, kept after its records are gone. Which records an operation
 * touched is remembered by the {@link RecordCascades} methods, in the same store.
 * <p>
 * The log also knows, for each archive operation, how many records it still holds archived (those
 * whose {@code archive_operation} is its id), so that the archive operations that still hold some
 * are paged without reading the others ({@link #page} with {@code restorable}). The store keeps that
 * number in the statements (or commands) it runs anyway, never in statements of its own:
 * <ul>
 *   <li>{@link #save} of an archive operation starts it at the records its cascade archived;</li>
 *   <li>{@link #save} of a restore or a purge takes the records its cascade restored or removed
 *       off the archive operations that held them (the store knows which from the cascade it ran in
 *       the same unit of work, {@link RecordCascades#restore} or {@link RecordCascades#purge});</li>
 *   <li>a seed's batch of records imported archived adds them to their operations.</li>
 * </ul>
 */
public interface OperationLog {

    void save(Operation operation);

    Optional<Operation> find(WorkspaceId workspace, OperationId id);

    /** The operations that touched {@code record}, oldest first. */
    List<Operation> history(WorkspaceId workspace, RecordId record);

    /**
     * A keyset page of the log: at most {@code limit} operations matching {@code filter} whose id is
     * before {@code before}, newest first (ids are time-ordered, so this is the order they were logged).
     * Served by an index for every filter: a page never reads the operations it skips.
     */
    List<Logged> page(WorkspaceId workspace, OperationFilter filter, Optional<OperationId> before, int limit);

    /** An operation as the log keeps it: with how many records it still holds archived (0 unless an archive). */
    record Logged(Operation operation, long stillArchived) {}

    /**
     * A page of the archive operations that still hold archived records ({@link #page} with a restorable
     * {@code filter}), each with those of its first {@code namedRoots} roots that it still holds archived
     * (their {@code archive_operation} is its id), so that people can tell the operations apart. The page
     * and its roots are one state: run it in a consistent read ({@link UnitOfWork#read}), or in a point read
     * ({@link UnitOfWork#readLatest}) where {@link #readsHoldingPageInOneStatement}.
     * <p>
     * This default reads the page, then the roots of the whole page in one go from {@code records}. A store
     * that reads both in one statement overrides it (the JDBC store on PostgreSQL), reading the catalog's
     * version along, so that a page is one round trip while the service holds that catalog.
     */
    default HoldingPage holdingPage(
            WorkspaceId workspace,
            OperationFilter filter,
            Optional<OperationId> before,
            int limit,
            int namedRoots,
            RecordReads records) {
        List<Logged> page = page(workspace, filter, before, limit);
        Set<RecordId> rootIds = new LinkedHashSet<>();
        page.forEach(logged -> rootIds.addAll(Holding.firstRoots(logged.operation(), namedRoots)));
        Map<RecordId, StoredRecord> roots = records.findAll(workspace, rootIds).stream()
                .collect(Collectors.toMap(StoredRecord::id, Function.identity()));
        return new HoldingPage(
                page.stream()
                        .map(logged -> Holding.of(logged, roots, namedRoots))
                        .toList(),
                OptionalLong.empty());
    }

    /** Whether {@link #holdingPage} reads the page and its roots in one statement, which is one state by itself. */
    default boolean readsHoldingPageInOneStatement() {
        return false;
    }

    /** An operation of a {@link #holdingPage}, with the roots it names, in the order of its roots. */
    record Holding(Logged logged, List<StoredRecord> heldRoots) {
        public Holding {
            heldRoots = List.copyOf(heldRoots);
        }

        /** {@code logged} with those of its first {@code namedRoots} roots that are among {@code records}, archived by it. */
        public static Holding of(Logged logged, Map<RecordId, StoredRecord> records, int namedRoots) {
            Optional<OperationId> archivedBy = Optional.of(logged.operation().id());
            return new Holding(
                    logged,
                    firstRoots(logged.operation(), namedRoots).stream()
                            .map(records::get)
                            .filter(root ->
                                    root != null && root.archiveOperation().equals(archivedBy))
                            .toList());
        }

        /** The first {@code namedRoots} roots of {@code operation}, held or not. */
        public static List<RecordId> firstRoots(Operation operation, int namedRoots) {
            return operation
                    .roots()
                    .subList(0, Math.min(namedRoots, operation.roots().size()));
        }
    }

    /**
     * A {@link #holdingPage}. {@code catalogVersion}: the workspace's catalog version
     * ({@link CatalogStore#version}) if the store read it in the same statement as a page that has
     * operations, so that the service needs no read of its own to name their roots.
     */
    record HoldingPage(List<Holding> items, OptionalLong catalogVersion) {
        public HoldingPage {
            items = List.copyOf(items);
        }
    }
}
