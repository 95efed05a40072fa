package io.archivist.adapters.persistence.jdbc;

import java.sql.Connection;
import java.util.UUID;

/**
 * H2: its recursive queries keep a record once per path that reaches it (UNION does not drop rows
 * found in earlier rounds), which explodes on graphs with many paths. So a walk goes one level
 * per statement through the scratch table cascade_walk, skipping records already reached. The
 * statements grow with the depth of the graph, not with the number of records; nothing is read
 * into the JVM.
 */
final class LevelCascadeQueries extends CascadeQueries {

    LevelCascadeQueries(Sql sql) {
        super(sql);
    }

    @Override
    void walk(Connection connection, Walk walk, Target target) {
        UUID run = target instanceof IntoRun into ? into.run() : UUID.randomUUID();
        String from = walk.down() ? "e.parent_id" : "e.child_id";
        String to = walk.down() ? "e.child_id" : "e.parent_id";
        int added = sql.update(
                connection,
                Query.of(
                                "INSERT INTO cascade_walk (run_id, workspace, record_id, type, depth, archived_by)"
                                        + " SELECT DISTINCT ?, s.workspace, s.id, s.type, 0, s.archive_operation FROM (",
                                run)
                        .add(walk.seed())
                        .add(") s"));
        for (int depth = 0; added > 0; depth++) {
            added = sql.update(
                    connection,
                    Query.of(
                                    "INSERT INTO cascade_walk (run_id, workspace, record_id, type, depth, archived_by)"
                                            + " SELECT DISTINCT ?, c.workspace, c.id, c.type, ?, c.archive_operation"
                                            + " FROM cascade_walk w",
                                    run,
                                    depth + 1)
                            .add(" JOIN record_parents e ON e.workspace = w.workspace AND " + from + " = w.record_id")
                            .add(" JOIN records c ON c.workspace = e.workspace AND c.id = " + to)
                            .add(" WHERE w.run_id = ? AND w.depth = ? AND ", run, depth)
                            .add(walk.follow())
                            .add(
                                    " AND NOT EXISTS (SELECT 1 FROM cascade_walk x WHERE x.run_id = ? AND x.record_id = c.id"
                                            + sql.dialect().optimizationFence() + ")",
                                    run));
        }
        if (target instanceof IntoOperation into) {
            sql.update(
                    connection,
                    "INSERT INTO operation_records (workspace, operation_id, record_id, type, archived_by)"
                            + " SELECT workspace, ?, record_id, type, archived_by FROM cascade_walk WHERE run_id = ?",
                    into.operation(),
                    run);
            forget(connection, run);
        }
    }
}
