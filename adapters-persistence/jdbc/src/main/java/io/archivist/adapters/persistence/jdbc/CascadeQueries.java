package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RestoreOutline;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.WorkspaceId;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sets of CascadePlanner, computed by the database. A subclass defines them as named sets of a
 * WITH clause: {@code reach(id, type)} (R1 archive or R3 purge cascade of some roots),
 * {@code cand(id, type)} and {@code blocked(id)} (R5: the records of the root's archive operation
 * reached through that operation's records, and those of them that stay archived), {@code up(id)}
 * (a record and its ancestors, for R7). This class holds the statements that use them: each is one
 * statement whatever the size of the set, and none brings the set into the JVM.
 */
abstract class CascadeQueries {

    /** The WITH clause defining the sets, and what to remove once the statements using them ran. */
    record Sets(Query with, boolean recursive, Runnable cleanup) {
    }

    protected final Sql sql;

    CascadeQueries(Sql sql) {
        this.sql = sql;
    }

    abstract Sets reach(Connection connection, WorkspaceId workspace, Collection<RecordId> roots, boolean activeOnly);

    abstract Sets restoreSets(Connection connection, WorkspaceId workspace, RecordId root, OperationId archivedBy);

    abstract Sets ancestors(Connection connection, WorkspaceId workspace, RecordId target, boolean activeOnly);

    /** R1 (active only) or R3: remembers the cascade of {@code roots} as the records of {@code operation}. */
    final void collectReach(Connection connection, WorkspaceId workspace, OperationId operation,
                            Collection<RecordId> roots, boolean activeOnly) {
        Sets sets = reach(connection, workspace, roots, activeOnly);
        try {
            sql.update(connection, statement(sets,
                    "INSERT INTO operation_records (workspace, operation_id, record_id, type) ",
                    Query.of(" SELECT ?, ?, id, type FROM reach", workspace, operation)));
        } finally {
            sets.cleanup().run();
        }
    }

    /** R5: remembers {@code root} and what comes back with it as the records of {@code operation}. */
    final void collectRestore(Connection connection, WorkspaceId workspace, OperationId operation, RecordId root,
                              OperationId archivedBy) {
        Sets sets = restoreSets(connection, workspace, root, archivedBy);
        try {
            sql.update(connection, statement(sets,
                    "INSERT INTO operation_records (workspace, operation_id, record_id, type) ",
                    Query.of(" SELECT ?, ?, id, type FROM cand WHERE id NOT IN (SELECT id FROM blocked)",
                            workspace, operation)));
        } finally {
            sets.cleanup().run();
        }
    }

    /** R13: counts per type of the cascade of {@code roots}. */
    final Map<String, Long> countReach(Connection connection, WorkspaceId workspace, Collection<RecordId> roots,
                                       boolean activeOnly) {
        Sets sets = reach(connection, workspace, roots, activeOnly);
        try {
            return counts(connection, statement(sets, "", Query.of(" SELECT type, COUNT(*) AS n FROM reach GROUP BY type")));
        } finally {
            sets.cleanup().run();
        }
    }

    /**
     * R7: whether the cascade of {@code roots} reaches {@code target}. Walks up from the target, which
     * has few ancestors, rather than down from the roots: it is reached when a root is among them
     * (through active records only, for an archive).
     */
    final boolean reaches(Connection connection, WorkspaceId workspace, Collection<RecordId> roots, RecordId target,
                          boolean activeOnly) {
        Sets sets = ancestors(connection, workspace, target, activeOnly);
        try {
            return sql.count(connection, statement(sets, "",
                    Query.of(" SELECT COUNT(*) FROM up WHERE id IN (").in(roots).add(")"))) > 0;
        } finally {
            sets.cleanup().run();
        }
    }

    /** R5, R6, R13: what restoring {@code root} would do, with bounded lists. */
    final RestoreOutline outlineRestore(Connection connection, WorkspaceId workspace, RecordId root,
                                        OperationId archivedBy, int listLimit) {
        Sets sets = restoreSets(connection, workspace, root, archivedBy);
        try {
            Map<String, Long> counts = counts(connection, statement(sets, "", Query.of(
                    " SELECT type, COUNT(*) AS n FROM cand WHERE id NOT IN (SELECT id FROM blocked) GROUP BY type")));
            return new RestoreOutline(counts, leftArchived(connection, workspace, sets, listLimit),
                    conflicts(connection, workspace, sets, listLimit));
        } finally {
            sets.cleanup().run();
        }
    }

    /** The blocked records (at most {@code limit}) with their parents that stay archived, in the record's parent order. */
    private List<LeftArchived> leftArchived(Connection connection, WorkspaceId workspace, Sets sets, int limit) {
        Query select = Query.of(" SELECT b.id AS id, r.type AS type, r.parent_ids AS parent_ids, e.parent_id AS parent_id"
                        + " FROM (SELECT id FROM blocked ORDER BY id LIMIT ?) b", limit)
                .add(" JOIN records r ON r.workspace = ? AND r.id = b.id", workspace)
                .add(" JOIN record_parents e ON e.workspace = ? AND e.child_id = b.id", workspace)
                .add(" JOIN records p ON p.workspace = ? AND p.id = e.parent_id", workspace)
                .add(" WHERE p.deleted_at IS NOT NULL"
                        + " AND (p.id NOT IN (SELECT id FROM cand) OR p.id IN (SELECT id FROM blocked))");
        record Edge(RecordId child, String type, String parentIds, RecordId parent) {
        }
        List<Edge> edges = sql.list(connection, statement(sets, "", select), rows -> new Edge(
                RecordId.of(sql.uuid(rows, "id")), rows.getString("type"), rows.getString("parent_ids"),
                RecordId.of(sql.uuid(rows, "parent_id"))));
        Map<RecordId, List<Edge>> byChild = new TreeMap<>();
        edges.forEach(edge -> byChild.computeIfAbsent(edge.child(), c -> new ArrayList<>()).add(edge));
        List<LeftArchived> left = new ArrayList<>();
        byChild.forEach((child, its) -> {
            List<RecordId> inOrder = RecordRows.parents(its.get(0).parentIds());
            List<RecordId> archived = its.stream().map(Edge::parent).toList();
            left.add(new LeftArchived(child, its.get(0).type(), inOrder.stream().filter(archived::contains).toList()));
        });
        return left;
    }

    /** R6: restored records whose unique value an active record holds (at most {@code limit}). */
    private List<UniqueConflict> conflicts(Connection connection, WorkspaceId workspace, Sets sets, int limit) {
        Query select = Query.of(" SELECT u.record_id AS record_id, u.type AS type, u.attribute AS attribute,"
                        + " h.record_id AS holder FROM cand")
                .add(" JOIN unique_values u ON u.workspace = ? AND u.record_id = cand.id", workspace)
                .add(" JOIN unique_values h ON h.workspace = ? AND h.type = u.type AND h.active_hash = u.value_hash",
                        workspace)
                .add(" WHERE cand.id NOT IN (SELECT id FROM blocked) ORDER BY u.record_id, u.attribute LIMIT ?", limit);
        return sql.list(connection, statement(sets, "", select), rows -> new UniqueConflict(
                RecordId.of(sql.uuid(rows, "record_id")), rows.getString("type"), rows.getString("attribute"),
                RecordId.of(sql.uuid(rows, "holder"))));
    }

    private Map<String, Long> counts(Connection connection, Query query) {
        Map<String, Long> counts = new LinkedHashMap<>();
        sql.list(connection, query, rows -> counts.put(rows.getString("type"), rows.getLong("n")));
        return counts;
    }

    private Query statement(Sets sets, String head, Query tail) {
        Query whole = Query.of(head).add(sets.with()).add(tail);
        return sets.recursive() ? Query.of(sql.dialect().deepRecursion(whole.sql()), whole.params()) : whole;
    }
}
