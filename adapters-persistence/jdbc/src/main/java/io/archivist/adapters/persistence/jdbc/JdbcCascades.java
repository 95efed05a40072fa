package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.CascadeOutline;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Blocker;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * R1, R3, R5 applied set-wise. Each cascade first remembers its set as the operation's rows of
 * operation_records (one statement, or one per level on H2), then changes records and unique
 * values with one statement per table joined to that set. The set never enters the JVM: only
 * counts per type come back. On the way, the operation's rows are its history.
 */
final class JdbcCascades implements RecordCascades {

    private final JdbcDatabase db;

    JdbcCascades(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public boolean archiveReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target) {
        return reaches(workspace, roots, target, true);
    }

    @Override
    public boolean purgeReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target) {
        return reaches(workspace, roots, target, false);
    }

    @Override
    public CascadeOutline outlineArchive(WorkspaceId workspace, Collection<RecordId> roots, int named) {
        return outline(workspace, roots, true, named);
    }

    @Override
    public CascadeOutline outlinePurge(WorkspaceId workspace, Collection<RecordId> roots, int named) {
        return outline(workspace, roots, false, named);
    }

    @Override
    public CountsPerType archive(Operation operation, long maxRecords) {
        return cascade(operation, true, maxRecords, (c, types) -> {
            update(
                    c,
                    operation,
                    "records",
                    "id",
                    Query.of(
                            "deleted_at = ?, archive_operation = ?, updated_at = ?, updated_by = ?, version = version + 1",
                            operation.at(),
                            operation.id(),
                            operation.at(),
                            operation.actor()),
                    "");
            // R6: archiving frees the unique values.
            updateUniqueValues(c, operation, types, Query.of("active_hash = NULL"), "");
        });
    }

    @Override
    public Restored restore(RecordId root, Operation operation, int listLimit, long maxRecords) {
        WorkspaceId workspace = operation.workspace();
        return db.transactions.statements(c -> db.transactions.atomically(
                c,
                () -> {
                    OperationId archivedBy = archiveOperationOf(c, workspace, root);
                    Restored restored =
                            db.cascades.collectRestore(c, workspace, operation.id(), root, archivedBy, listLimit);
                    Blocker.requireCascadeWithin(restored.countsPerType(), maxRecords);
                    // The operation's rows may hold earlier roots of this restore, active again:
                    // the conditions skip them.
                    // R6: re-claims the unique values; a value an active record holds fails this statement.
                    // CASE: no index on these columns may start the statement (see CascadeQueries).
                    updateUniqueValues(
                            c,
                            operation,
                            restored.countsPerType().types(),
                            Query.of("active_hash = value_hash"),
                            "CASE WHEN t.active_hash IS NULL THEN 1 ELSE 0 END = 1");
                    update(
                            c,
                            operation,
                            "records",
                            "id",
                            Query.of(
                                    "deleted_at = NULL, archive_operation = NULL, updated_at = ?, updated_by = ?, version = version + 1",
                                    operation.at(),
                                    operation.actor()),
                            CascadeQueries.ARCHIVED.formatted("t"));
                    return restored;
                },
                failure -> db.dialect.isUniqueViolation(failure) ? restoreConflict(c, workspace, root) : null));
    }

    @Override
    public CountsPerType purge(Operation operation, long maxRecords) {
        return cascade(operation, false, maxRecords, (c, types) -> {
            List<String> holding = holdingUniqueValues(c, operation.workspace(), types);
            if (!holding.isEmpty()) {
                db.sql.update(
                        c,
                        db.dialect.deleteOfOperation(
                                "unique_values", "record_id", operation.workspace(), operation.id(), holding));
            }
            delete(c, operation, "record_parents", "child_id");
            delete(c, operation, "records", "id");
        });
    }

    /** What an archive or a purge does to the records its operation reached (of the types given). */
    private interface Change {
        void apply(Connection c, Set<String> types);
    }

    /**
     * R1 (active only) or R3: the cascade of the operation's roots becomes its rows, then {@code change}
     * applies it, unless it reached nothing. Returns counts per type. Over {@code maxRecords} it changes
     * nothing (R14): the unit of work rolls the collected rows back.
     */
    private CountsPerType cascade(Operation operation, boolean activeOnly, long maxRecords, Change change) {
        if (operation.roots().isEmpty()) {
            return CountsPerType.none();
        }
        return db.transactions.statements(c -> {
            db.cascades.collectReach(c, operation.workspace(), operation.id(), operation.roots(), activeOnly);
            CountsPerType counts = countsOf(c, operation);
            Blocker.requireCascadeWithin(counts, maxRecords);
            if (!counts.isEmpty()) {
                change.apply(c, counts.types());
            }
            return counts;
        });
    }

    boolean reaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target, boolean archive) {
        if (roots.isEmpty()) {
            return false;
        }
        return db.transactions.statements(c -> db.cascades.reaches(c, workspace, roots, target, archive));
    }

    CascadeOutline outline(WorkspaceId workspace, Collection<RecordId> roots, boolean archive, int named) {
        if (roots.isEmpty()) {
            return CascadeOutline.counts(CountsPerType.none());
        }
        return db.transactions.statements(c -> db.cascades.outlineReach(c, workspace, roots, archive, named));
    }

    @Override
    public RestoreOutline outlineRestore(WorkspaceId workspace, RecordId root, int listLimit, int named) {
        return db.transactions.statements(c -> db.cascades.outlineRestore(
                c, workspace, root, archiveOperationOf(c, workspace, root), listLimit, named));
    }

    /** The operation that archived {@code root}; a missing record is a RECORD_NOT_FOUND, an active one NOT_ARCHIVED. */
    private OperationId archiveOperationOf(Connection c, WorkspaceId workspace, RecordId root) {
        // The first statement of every restore (and restore preview): it also asks for custom plans.
        StoredRecord record = db.sql
                .first(
                        c,
                        db.dialect.customPlans() + "SELECT " + RecordRows.COLUMNS
                                + " FROM records WHERE workspace = ? AND id = ?",
                        RecordRows.mapper(db.sql),
                        workspace,
                        root)
                .orElseThrow(() -> ArchivistException.notFound(root));
        Lifecycle.requireArchived(record);
        return record.archiveOperation().orElseThrow();
    }

    /** Names the active record that blocks the restore, once the failed restore has been rolled back. */
    private ArchivistException restoreConflict(Connection c, WorkspaceId workspace, RecordId root) {
        RestoreOutline outline =
                db.cascades.outlineRestore(c, workspace, root, archiveOperationOf(c, workspace, root), 1, 0);
        if (!outline.conflicts().isEmpty()) {
            return outline.conflicts().get(0).toException();
        }
        // Two records archived together hold the same value (possible once a type gained a unique attribute).
        return Blocker.sharedWithinRestore(root).toException();
    }

    private CountsPerType countsOf(Connection c, Operation operation) {
        CountsPerType.Builder counts = CountsPerType.builder();
        db.sql.list(
                c,
                "SELECT type, COUNT(*) AS n FROM operation_records WHERE workspace = ? AND operation_id = ?"
                        + " GROUP BY type",
                rows -> counts.add(rows.getString("type"), rows.getLong("n")),
                operation.workspace(),
                operation.id());
        return counts.build();
    }

    private void update(Connection c, Operation operation, String table, String member, Query set, String condition) {
        db.sql.update(
                c,
                db.dialect.updateOfOperation(
                        table, member, set, condition, operation.workspace(), operation.id(), List.of()));
    }

    private void delete(Connection c, Operation operation, String table, String member) {
        db.sql.update(c, db.dialect.deleteOfOperation(table, member, operation.workspace(), operation.id(), List.of()));
    }

    /** R6: changes the unique values of the operation's records of {@code types} (see {@link #holdingUniqueValues}). */
    private void updateUniqueValues(
            Connection c, Operation operation, Collection<String> types, Query set, String condition) {
        List<String> holding = holdingUniqueValues(c, operation.workspace(), types);
        if (!holding.isEmpty()) {
            db.sql.update(
                    c,
                    db.dialect.updateOfOperation(
                            "unique_values",
                            "record_id",
                            set,
                            condition,
                            operation.workspace(),
                            operation.id(),
                            holding));
        }
    }

    /**
     * R6: those of {@code types} that some record of the workspace holds a unique value of. The
     * statements on unique values visit the operation's records of these types only: most records
     * hold none, and visiting each would probe unique_values once per record (or scan it, when the
     * planner finds it small: a restore of 100,000 records took a third of a second for 36 rows).
     */
    private List<String> holdingUniqueValues(Connection c, WorkspaceId workspace, Collection<String> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        // One row, one column per type (the built-in user type has no row in object_types to start from).
        List<String> ordered = List.copyOf(types);
        Query select = Query.of("SELECT ");
        for (int i = 0; i < ordered.size(); i++) {
            select.add(
                    (i == 0 ? "" : ", ")
                            + "CASE WHEN EXISTS (SELECT 1 FROM unique_values WHERE type = ? AND workspace = ?)"
                            + " THEN 1 ELSE 0 END",
                    ordered.get(i),
                    workspace);
        }
        return db.sql
                .list(c, select, rows -> {
                    List<String> holding = new ArrayList<>();
                    for (int i = 0; i < ordered.size(); i++) {
                        if (rows.getInt(i + 1) == 1) {
                            holding.add(ordered.get(i));
                        }
                    }
                    return holding;
                })
                .get(0);
    }
}
