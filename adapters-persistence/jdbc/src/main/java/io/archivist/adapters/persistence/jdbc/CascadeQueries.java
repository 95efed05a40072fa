package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.CascadeOutline;
import io.archivist.application.port.out.RecordCascades.Restored;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sets of CascadePlanner, computed by the database. A subclass walks the graph (one recursive
 * statement, or one statement per level on H2); this class says from where and through what, and
 * holds the statements that use the sets. A set is written either straight into an operation's
 * rows of operation_records (archive, purge) or into a run of the scratch table cascade_walk, and
 * never enters the JVM: only counts and bounded lists come back.
 * <p>
 * Every join starts from the set and reaches a table by its key, the workspace coming from the
 * set's row: the planner's statistics know nothing of a workspace that just grew or a state that
 * just changed, and a join started from "all records of the workspace" would cost the whole
 * workspace per step. For the same reason the conditions on a record's state are written so that
 * no index on that state can start the join ({@link Dialect#sameOperation}, and CASE for "archived").
 * <p>
 * Every table a statement reads or writes is also filtered on the workspace as a constant
 * ({@code alias.workspace = ?}), in each term of a recursive query and in each subquery, beside the
 * join on the row's workspace: every query carries its workspace, so that an engine that distributes
 * the tables by workspace (Citus) routes the whole statement to the one node that holds it. The join
 * on the row's key stays what reaches each table; the constant only names the same workspace again.
 * WorkspaceFiltersIT checks every statement the store sends for it.
 */
abstract class CascadeQueries {

    /**
     * Where a walk writes what it reaches, and how statements read it back: its rows (with the
     * columns workspace, record_id, type and archived_by, the archive operation that held the record
     * when the walk reached it) and a lookup of one record in it by key.
     */
    sealed interface Target permits IntoRun, IntoOperation {
        /** The workspace of every row of the set. */
        WorkspaceId workspace();

        /** The table the set is written to, with the columns workspace, record_id and type. */
        String table();

        /** The condition that picks the set's rows out of {@link #table()} under {@code alias}. */
        Query filter(String alias);

        /** The set's row of the record {@code column} names, if it is in the set. */
        default Query row(String column) {
            return Query.of("SELECT 1 FROM " + table() + " m WHERE ")
                    .add(filter("m"))
                    .add(" AND m.record_id = " + column);
        }
    }

    /** Rows of cascade_walk under {@code run}, all of {@code workspace}. */
    record IntoRun(WorkspaceId workspace, UUID run) implements Target {
        /** A new run in {@code workspace}. */
        static IntoRun in(WorkspaceId workspace) {
            return new IntoRun(workspace, UUID.randomUUID());
        }

        @Override
        public String table() {
            return "cascade_walk";
        }

        @Override
        public Query filter(String alias) {
            return Query.of(alias + ".run_id = ? AND " + alias + ".workspace = ?", run, workspace);
        }
    }

    /** The rows of {@code operation} in operation_records: its set, and its history. */
    record IntoOperation(WorkspaceId workspace, OperationId operation) implements Target {
        @Override
        public String table() {
            return "operation_records";
        }

        @Override
        public Query filter(String alias) {
            return Query.of(alias + ".workspace = ? AND " + alias + ".operation_id = ?", workspace, operation);
        }
    }

    /**
     * From the records {@code seed} selects (columns workspace, id, type, archive_operation), all of
     * {@code workspace}, every record reached through children ({@code down}) or parents that satisfies
     * {@code follow} (on alias c). With {@code customPlans} the walk and the rest of its transaction plan
     * each statement with its own values (see Dialect#customPlans): archives and restores, not purges.
     */
    record Walk(WorkspaceId workspace, Query seed, boolean down, Query follow, boolean customPlans) {}

    /** A record is archived, or active: CASE, so that no partial index on deleted_at can start the join. */
    static final String ARCHIVED = "CASE WHEN %1$s.deleted_at IS NULL THEN 0 ELSE 1 END = 1";

    static final String ACTIVE = "CASE WHEN c.deleted_at IS NULL THEN 1 ELSE 0 END = 1";

    protected final Sql sql;

    CascadeQueries(Sql sql) {
        this.sql = sql;
    }

    abstract void walk(Connection connection, Walk walk, Target target);

    /** R1 (active only) or R3: the cascade of {@code roots} becomes the records of {@code operation}. */
    final void collectReach(
            Connection connection,
            WorkspaceId workspace,
            OperationId operation,
            Collection<RecordId> roots,
            boolean activeOnly) {
        walk(connection, reach(workspace, roots, activeOnly), new IntoOperation(workspace, operation));
    }

    /**
     * R5: {@code root} and what comes back with it become the records of {@code operation}, into
     * which earlier roots of the same restore may have written already (records active again, so
     * that no walk below reaches or starts from them). The walk writes the candidates straight into
     * the operation's rows and takes back the few that stay archived: the set is written once.
     * Returns counts per type and the first {@code listLimit} records that stay archived.
     */
    final Restored collectRestore(
            Connection connection,
            WorkspaceId workspace,
            OperationId operation,
            RecordId root,
            OperationId archivedBy,
            int listLimit) {
        IntoOperation rows = new IntoOperation(workspace, operation);
        Map<String, Long> before = counts(connection, rows);
        RestoreRuns runs = restoreRuns(connection, workspace, root, archivedBy, rows);
        try {
            List<LeftArchived> left = listLimit > 0 ? leftArchived(connection, runs, listLimit) : List.of();
            sql.update(
                    connection,
                    sql.dialect()
                            .deleteOperationRowsInRun(
                                    workspace, operation, runs.blocked().run()));
            Map<String, Long> counts = counts(connection, rows);
            before.forEach((type, n) -> counts.computeIfPresent(type, (t, all) -> all - n == 0 ? null : all - n));
            return new Restored(counts, left);
        } finally {
            runs.forget();
        }
    }

    /**
     * R13: counts per type of the cascade of {@code roots}, its first {@code named} records of each type, and
     * (for a purge, {@code activeOnly} false) the archive operations that hold its records, the largest first:
     * at most {@code named} past the roots' own. With {@code named} 0, the counts alone.
     */
    final CascadeOutline outlineReach(
            Connection connection, WorkspaceId workspace, Collection<RecordId> roots, boolean activeOnly, int named) {
        IntoRun set = IntoRun.in(workspace);
        try {
            walk(connection, reach(workspace, roots, activeOnly), set);
            Map<String, Long> counts = counts(connection, set);
            if (named < 1 || counts.isEmpty()) {
                return CascadeOutline.counts(counts);
            }
            return new CascadeOutline(
                    counts,
                    first(connection, set, set.filter("w"), named),
                    activeOnly ? Map.of() : archivedBy(connection, set, named + roots.size()));
        } finally {
            forget(connection, set);
        }
    }

    /**
     * R7: whether the cascade of {@code roots} reaches {@code target}. Walks up from the target, which
     * has few ancestors, rather than down from the roots: it is reached when a root is among them
     * (through active records only, for an archive).
     */
    final boolean reaches(
            Connection connection,
            WorkspaceId workspace,
            Collection<RecordId> roots,
            RecordId target,
            boolean activeOnly) {
        IntoRun run = IntoRun.in(workspace);
        try {
            walk(
                    connection,
                    new Walk(
                            workspace,
                            seed(workspace, "id = ?", List.of(target), activeOnly),
                            false,
                            Query.of(activeOnly ? ACTIVE : "1 = 1"),
                            false),
                    run);
            return sql.count(
                            connection,
                            Query.of("SELECT COUNT(*) FROM cascade_walk w WHERE ")
                                    .add(run.filter("w"))
                                    .add(" AND w.record_id IN (")
                                    .in(roots)
                                    .add(")"))
                    > 0;
        } finally {
            forget(connection, run);
        }
    }

    /** R5, R6, R13: what restoring {@code root} would do, with bounded lists, naming {@code named} records of each type. */
    final RestoreOutline outlineRestore(
            Connection connection,
            WorkspaceId workspace,
            RecordId root,
            OperationId archivedBy,
            int listLimit,
            int named) {
        RestoreRuns runs = restoreRuns(connection, workspace, root, archivedBy, IntoRun.in(workspace));
        try {
            return new RestoreOutline(
                    counts(connection, runs.candidates(), runs.restored()),
                    leftArchived(connection, runs, listLimit),
                    conflicts(connection, runs, listLimit),
                    named < 1 ? List.of() : first(connection, runs.candidates(), runs.restored(), named));
        } finally {
            runs.forget();
        }
    }

    // ---- the sets

    private Walk reach(WorkspaceId workspace, Collection<RecordId> roots, boolean activeOnly) {
        return new Walk(
                workspace,
                seed(
                        workspace,
                        "id IN (" + String.join(", ", java.util.Collections.nCopies(roots.size(), "?")) + ")",
                        List.copyOf(roots),
                        activeOnly),
                true,
                Query.of(activeOnly ? ACTIVE : "1 = 1"),
                activeOnly);
    }

    private static Query seed(WorkspaceId workspace, String idCondition, List<RecordId> ids, boolean activeOnly) {
        return Query.of(
                        "SELECT workspace, id, type, archive_operation FROM records WHERE workspace = ? AND "
                                + idCondition,
                        workspace)
                .add("", ids.toArray())
                .add(activeOnly ? " AND deleted_at IS NULL" : "");
    }

    /**
     * R5's candidates (written into {@code candidates}: a run for an outline, the restore's own
     * operation rows for a restore) and those of them that stay archived (run blocked).
     */
    private record RestoreRuns(Target candidates, IntoRun blocked, Query notBlocked, Runnable cleanup) {
        /** On the candidates' table under alias w: the candidates that come back. */
        Query restored() {
            return candidates.filter("w").add(" AND ").add(notBlocked);
        }

        void forget() {
            cleanup.run();
        }
    }

    private RestoreRuns restoreRuns(
            Connection connection, WorkspaceId workspace, RecordId root, OperationId archivedBy, Target candidates) {
        IntoRun blocked = IntoRun.in(workspace);
        RestoreRuns runs = new RestoreRuns(candidates, blocked, notIn("w.record_id", blocked), () -> {
            if (candidates instanceof IntoRun run) {
                sql.update(
                        connection,
                        "DELETE FROM cascade_walk WHERE workspace = ? AND run_id IN (?, ?)",
                        workspace,
                        run.run(),
                        blocked.run());
            } else {
                forget(connection, blocked);
            }
        });
        // The root and the records of its archive operation reached through records of that operation.
        Query ofTheOperation = Query.of(sql.dialect().sameOperation("c.archive_operation"), archivedBy);
        walk(
                connection,
                new Walk(
                        workspace,
                        Query.of(
                                "SELECT workspace, id, type, archive_operation FROM records WHERE workspace = ? AND id = ? AND "
                                        + sql.dialect().sameOperation("archive_operation"),
                                workspace,
                                root,
                                archivedBy),
                        true,
                        ofTheOperation,
                        true),
                candidates);
        // A candidate stays archived when a parent outside the candidates is archived, and so do the
        // candidates below it (I1). The CASE asks "outside the candidates?" first: most candidates
        // have one parent, a candidate itself, and are then done without reading that parent's record.
        walk(
                connection,
                new Walk(
                        workspace,
                        Query.of(
                                        "SELECT DISTINCT x.workspace AS workspace, x.record_id AS id, x.type AS type,"
                                                + " x.archived_by AS archive_operation FROM " + candidates.table()
                                                + " x JOIN record_parents e ON e.workspace = x.workspace AND e.workspace = ?"
                                                + " AND e.child_id = x.record_id WHERE ",
                                        workspace)
                                .add(candidates.filter("x"))
                                .add(" AND x.record_id <> ? AND CASE WHEN ", root)
                                .add(in("e.parent_id", candidates))
                                .add(
                                        " THEN 0 WHEN EXISTS (SELECT 1 FROM records p WHERE p.workspace = e.workspace"
                                                + " AND p.workspace = ? AND p.id = e.parent_id AND "
                                                + ARCHIVED.formatted("p")
                                                + sql.dialect().optimizationFence() + ") THEN 1 ELSE 0 END = 1",
                                        workspace),
                        true,
                        in("c.id", candidates).add(" AND ").add(ofTheOperation),
                        true),
                blocked);
        return runs;
    }

    /** "{@code column} is in {@code set}": a probe of the set's key for each row (see {@link #member}). */
    private Query in(String column, Target set) {
        return Query.of("EXISTS (").add(member(column, set)).add(")");
    }

    /** "{@code column} is not in {@code set}". */
    private Query notIn(String column, Target set) {
        return Query.of("NOT EXISTS (").add(member(column, set)).add(")");
    }

    /**
     * The row of {@code set} for {@code column}, behind the dialect's optimization fence: the test
     * stays a lookup by key for each row, and cannot become a join that scans the set for each row
     * or starts the statement from the set instead of from the records being walked.
     */
    private Query member(String column, Target set) {
        return set.row(column).add(sql.dialect().optimizationFence());
    }

    // ---- what comes back

    private Map<String, Long> counts(Connection connection, Target set) {
        return counts(connection, set, set.filter("w"));
    }

    /** Counts per type of the rows of {@code set}'s table (alias w) that {@code members} picks. */
    private Map<String, Long> counts(Connection connection, Target set, Query members) {
        Map<String, Long> counts = new LinkedHashMap<>();
        sql.list(
                connection,
                Query.of("SELECT w.type AS type, COUNT(*) AS n FROM " + set.table() + " w WHERE ")
                        .add(members)
                        .add(" GROUP BY w.type"),
                rows -> counts.put(rows.getString("type"), rows.getLong("n")));
        return counts;
    }

    /**
     * R13: the first {@code named} records of each type among the rows of {@code set}'s table (alias w) that
     * {@code members} picks, in id order: numbered within their type on the set's rows alone, so that only
     * the records named are read.
     */
    private List<StoredRecord> first(Connection connection, Target set, Query members, int named) {
        Query select = Query.of("SELECT r.* FROM (SELECT w.workspace AS workspace, w.record_id AS record_id,"
                        + " ROW_NUMBER() OVER (PARTITION BY w.type ORDER BY w.record_id) AS n FROM " + set.table()
                        + " w WHERE ")
                .add(members)
                .add(
                        ") s JOIN records r ON r.workspace = s.workspace AND r.workspace = ? AND r.id = s.record_id"
                                + " WHERE s.n <= ?",
                        set.workspace(),
                        named)
                .add(" ORDER BY r.id");
        return sql.list(connection, select, RecordRows.mapper(sql));
    }

    /** R13: the archive operations that hold records of the run, with how many each: the largest first, at most {@code limit}. */
    private Map<OperationId, Long> archivedBy(Connection connection, IntoRun run, int limit) {
        Map<OperationId, Long> held = new LinkedHashMap<>();
        sql.list(
                connection,
                Query.of("SELECT w.archived_by AS archived_by, COUNT(*) AS n FROM cascade_walk w WHERE ")
                        .add(run.filter("w"))
                        .add(
                                " AND w.archived_by IS NOT NULL GROUP BY w.archived_by ORDER BY n DESC, w.archived_by LIMIT ?",
                                limit),
                rows -> held.put(OperationId.of(sql.uuid(rows, "archived_by")), rows.getLong("n")));
        return held;
    }

    /** The blocked records (at most {@code limit}) with their parents that stay archived, in the record's parent order. */
    private List<LeftArchived> leftArchived(Connection connection, RestoreRuns runs, int limit) {
        WorkspaceId workspace = runs.blocked().workspace();
        Query select = Query.of("SELECT b.record_id AS id, b.type AS type, r.parent_ids AS parent_ids,"
                        + " e.parent_id AS parent_id FROM (SELECT m.workspace AS workspace, m.record_id AS record_id,"
                        + " m.type AS type FROM cascade_walk m WHERE ")
                .add(runs.blocked().filter("m"))
                .add(" ORDER BY m.record_id LIMIT ?) b", limit)
                .add(
                        " JOIN records r ON r.workspace = b.workspace AND r.workspace = ? AND r.id = b.record_id",
                        workspace)
                .add(
                        " JOIN record_parents e ON e.workspace = b.workspace AND e.workspace = ? AND e.child_id = b.record_id",
                        workspace)
                .add(
                        " JOIN records p ON p.workspace = e.workspace AND p.workspace = ? AND p.id = e.parent_id",
                        workspace)
                .add(" WHERE " + ARCHIVED.formatted("p") + " AND (")
                .add(notIn("p.id", runs.candidates()))
                .add(" OR ")
                .add(in("p.id", runs.blocked()))
                .add(")");
        record Edge(RecordId child, String type, String parentIds, RecordId parent) {}
        List<Edge> edges = sql.list(
                connection,
                select,
                rows -> new Edge(
                        RecordId.of(sql.uuid(rows, "id")),
                        rows.getString("type"),
                        rows.getString("parent_ids"),
                        RecordId.of(sql.uuid(rows, "parent_id"))));
        Map<RecordId, List<Edge>> byChild = new TreeMap<>();
        edges.forEach(edge ->
                byChild.computeIfAbsent(edge.child(), c -> new ArrayList<>()).add(edge));
        List<LeftArchived> left = new ArrayList<>();
        byChild.forEach((child, its) -> {
            List<RecordId> archived = its.stream().map(Edge::parent).toList();
            left.add(new LeftArchived(
                    child,
                    its.get(0).type(),
                    RecordRows.parents(its.get(0).parentIds()).stream()
                            .filter(archived::contains)
                            .toList()));
        });
        return left;
    }

    /** R6: restored records whose unique value an active record holds (at most {@code limit}). */
    private List<UniqueConflict> conflicts(Connection connection, RestoreRuns runs, int limit) {
        WorkspaceId workspace = runs.candidates().workspace();
        Query select = Query.of("SELECT u.record_id AS record_id, u.type AS type, u.attribute AS attribute,"
                        + " h.record_id AS holder FROM " + runs.candidates().table() + " w")
                .add(
                        " JOIN unique_values u ON u.workspace = w.workspace AND u.workspace = ? AND u.record_id = w.record_id",
                        workspace)
                .add(
                        " JOIN unique_values h ON h.workspace = u.workspace AND h.workspace = ? AND h.type = u.type"
                                + " AND h.active_hash = u.value_hash",
                        workspace)
                .add(" WHERE ")
                .add(runs.restored())
                .add(" ORDER BY u.record_id, u.attribute LIMIT ?", limit);
        return sql.list(
                connection,
                select,
                rows -> new UniqueConflict(
                        RecordId.of(sql.uuid(rows, "record_id")),
                        rows.getString("type"),
                        rows.getString("attribute"),
                        RecordId.of(sql.uuid(rows, "holder"))));
    }

    final void forget(Connection connection, IntoRun run) {
        sql.update(
                connection, "DELETE FROM cascade_walk WHERE run_id = ? AND workspace = ?", run.run(), run.workspace());
    }
}
