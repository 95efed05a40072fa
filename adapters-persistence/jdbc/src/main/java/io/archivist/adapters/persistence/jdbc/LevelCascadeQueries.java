package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;

import java.sql.Connection;
import java.util.Collection;
import java.util.UUID;

/**
 * H2: its recursive queries keep a record once per path that reaches it (UNION does not drop rows
 * found in earlier rounds), which explodes on graphs with many paths. So each set is walked one
 * level per statement into the scratch table cascade_walk, skipping records already reached, and
 * then named in a plain WITH clause. Statements grow with the depth of the graph, not with the
 * number of records; nothing is read into the JVM.
 */
final class LevelCascadeQueries extends CascadeQueries {

    LevelCascadeQueries(Sql sql) {
        super(sql);
    }

    @Override
    Sets reach(Connection connection, WorkspaceId workspace, Collection<RecordId> roots, boolean activeOnly) {
        String active = activeOnly ? " AND deleted_at IS NULL" : "";
        UUID run = walk(connection, workspace,
                Query.of("SELECT id FROM records WHERE workspace = ? AND id IN (", workspace).in(roots).add(")" + active),
                true, Query.of(activeOnly ? "c.deleted_at IS NULL" : "1 = 1"));
        Query with = Query.of("WITH reach (id, type) AS (").add(members(workspace, run)).add(")");
        return new Sets(with, false, () -> forget(connection, run));
    }

    @Override
    Sets restoreSets(Connection connection, WorkspaceId workspace, RecordId root, OperationId archivedBy) {
        UUID candidates = walk(connection, workspace,
                Query.of("SELECT id FROM records WHERE workspace = ? AND id = ? AND archive_operation = ?",
                        workspace, root, archivedBy),
                true, Query.of("c.archive_operation = ?", archivedBy));
        // Candidates with an archived parent outside the candidates stay archived, and so do the candidates below them.
        UUID blocked = walk(connection, workspace,
                Query.of("SELECT e.child_id AS id FROM cascade_walk k")
                        .add(" JOIN record_parents e ON e.workspace = ? AND e.child_id = k.record_id", workspace)
                        .add(" JOIN records p ON p.workspace = ? AND p.id = e.parent_id", workspace)
                        .add(" WHERE k.run_id = ? AND k.record_id <> ? AND p.deleted_at IS NOT NULL", candidates, root)
                        .add(" AND NOT EXISTS (SELECT 1 FROM cascade_walk x WHERE x.run_id = ? AND x.record_id = p.id)",
                                candidates),
                true, Query.of("EXISTS (SELECT 1 FROM cascade_walk x WHERE x.run_id = ? AND x.record_id = c.id)",
                        candidates));
        Query with = Query.of("WITH cand (id, type) AS (").add(members(workspace, candidates))
                .add("), blocked (id) AS (SELECT record_id FROM cascade_walk WHERE run_id = ?)", blocked);
        return new Sets(with, false, () -> {
            forget(connection, candidates);
            forget(connection, blocked);
        });
    }

    @Override
    Sets ancestors(Connection connection, WorkspaceId workspace, RecordId target, boolean activeOnly) {
        UUID run = walk(connection, workspace,
                Query.of("SELECT id FROM records WHERE workspace = ? AND id = ?", workspace, target)
                        .add(activeOnly ? " AND deleted_at IS NULL" : ""),
                false, Query.of(activeOnly ? "c.deleted_at IS NULL" : "1 = 1"));
        Query with = Query.of("WITH up (id) AS (SELECT record_id FROM cascade_walk WHERE run_id = ?)", run);
        return new Sets(with, false, () -> forget(connection, run));
    }

    /**
     * Puts the records {@code seed} selects (column id) into a new run at depth 0, then, one level
     * per statement, the children (or parents) of the last level that satisfy {@code follow}
     * (on alias c) and are not in the run yet, until a level adds nothing.
     */
    private UUID walk(Connection connection, WorkspaceId workspace, Query seed, boolean down, Query follow) {
        UUID run = UUID.randomUUID();
        int added = sql.update(connection, Query.of("INSERT INTO cascade_walk (run_id, record_id, depth)"
                + " SELECT DISTINCT ?, s.id, 0 FROM (", run).add(seed).add(") s"));
        String from = down ? "e.parent_id" : "e.child_id";
        String to = down ? "e.child_id" : "e.parent_id";
        for (int depth = 0; added > 0; depth++) {
            Query level = Query.of("INSERT INTO cascade_walk (run_id, record_id, depth) SELECT DISTINCT ?, c.id, ?"
                            + " FROM cascade_walk w", run, depth + 1)
                    .add(" JOIN record_parents e ON e.workspace = ? AND " + from + " = w.record_id", workspace)
                    .add(" JOIN records c ON c.workspace = ? AND c.id = " + to, workspace)
                    .add(" WHERE w.run_id = ? AND w.depth = ? AND ", run, depth).add(follow)
                    .add(" AND NOT EXISTS (SELECT 1 FROM cascade_walk x WHERE x.run_id = ? AND x.record_id = c.id)", run);
            added = sql.update(connection, level);
        }
        return run;
    }

    private static Query members(WorkspaceId workspace, UUID run) {
        return Query.of("SELECT w.record_id AS id, r.type AS type FROM cascade_walk w")
                .add(" JOIN records r ON r.workspace = ? AND r.id = w.record_id WHERE w.run_id = ?", workspace, run);
    }

    private void forget(Connection connection, UUID run) {
        sql.update(connection, "DELETE FROM cascade_walk WHERE run_id = ?", run);
    }
}
