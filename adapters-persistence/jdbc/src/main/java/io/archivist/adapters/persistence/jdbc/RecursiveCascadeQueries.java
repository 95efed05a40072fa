package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;

import java.sql.Connection;
import java.util.Collection;

/**
 * PostgreSQL and MariaDB: each set is a recursive common table expression, so a cascade is one
 * statement whatever its depth. UNION (not UNION ALL) drops a record reached twice, so a record
 * with several parents in the set is visited once.
 */
final class RecursiveCascadeQueries extends CascadeQueries {

    private static final Runnable NOTHING = () -> {
    };

    RecursiveCascadeQueries(Sql sql) {
        super(sql);
    }

    @Override
    Sets reach(Connection connection, WorkspaceId workspace, Collection<RecordId> roots, boolean activeOnly) {
        String active = activeOnly ? " AND %s.deleted_at IS NULL" : "";
        Query with = Query.of("WITH RECURSIVE reach (id, type) AS (")
                .add("SELECT r.id, r.type FROM records r WHERE r.workspace = ? AND r.id IN (", workspace).in(roots)
                .add(")" + active.formatted("r"))
                .add(" UNION SELECT c.id, c.type FROM reach"
                        + " JOIN record_parents e ON e.workspace = ? AND e.parent_id = reach.id", workspace)
                .add(" JOIN records c ON c.workspace = ? AND c.id = e.child_id" + active.formatted("c"), workspace)
                .add(")");
        return new Sets(with, true, NOTHING);
    }

    @Override
    Sets restoreSets(Connection connection, WorkspaceId workspace, RecordId root, OperationId archivedBy) {
        Query with = Query.of("WITH RECURSIVE cand (id, type) AS (")
                .add("SELECT r.id, r.type FROM records r WHERE r.workspace = ? AND r.id = ? AND r.archive_operation = ?",
                        workspace, root, archivedBy)
                .add(" UNION SELECT c.id, c.type FROM cand"
                        + " JOIN record_parents e ON e.workspace = ? AND e.parent_id = cand.id", workspace)
                .add(" JOIN records c ON c.workspace = ? AND c.id = e.child_id AND c.archive_operation = ?",
                        workspace, archivedBy)
                // A candidate stays archived when a parent outside the candidates is archived, and so
                // do the candidates below it (I1).
                .add("), blocked (id) AS (SELECT e.child_id FROM record_parents e")
                .add(" JOIN records p ON p.workspace = ? AND p.id = e.parent_id", workspace)
                .add(" WHERE e.workspace = ? AND e.child_id IN (SELECT id FROM cand) AND e.child_id <> ?", workspace, root)
                .add(" AND p.deleted_at IS NOT NULL AND p.id NOT IN (SELECT id FROM cand)")
                .add(" UNION SELECT e.child_id FROM blocked"
                        + " JOIN record_parents e ON e.workspace = ? AND e.parent_id = blocked.id", workspace)
                .add(" WHERE e.child_id IN (SELECT id FROM cand))");
        return new Sets(with, true, NOTHING);
    }

    @Override
    Sets ancestors(Connection connection, WorkspaceId workspace, RecordId target, boolean activeOnly) {
        Query with = Query.of("WITH RECURSIVE up (id) AS (")
                .add("SELECT r.id FROM records r WHERE r.workspace = ? AND r.id = ?", workspace, target)
                .add(activeOnly ? " AND r.deleted_at IS NULL" : "")
                .add(" UNION SELECT e.parent_id FROM up JOIN record_parents e ON e.workspace = ? AND e.child_id = up.id",
                        workspace);
        if (activeOnly) {
            with.add(" JOIN records p ON p.workspace = ? AND p.id = e.parent_id AND p.deleted_at IS NULL", workspace);
        }
        return new Sets(with.add(")"), true, NOTHING);
    }
}
