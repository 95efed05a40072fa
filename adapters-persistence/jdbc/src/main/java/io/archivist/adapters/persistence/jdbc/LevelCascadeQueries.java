package io.archivist.adapters.persistence.jdbc;

import java.sql.Connection;

/**
 * H2: its recursive queries keep a record once per path that reaches it (UNION does not drop rows
 * found in earlier rounds), which explodes on graphs with many paths. So a walk goes one level
 * per statement through the scratch table cascade_walk, skipping records already reached. The
 * statements grow with the depth of the graph, not with the number of records; nothing is read
 * into the JVM.
 * <p>
 * The level's rows of cascade_walk are named by run and workspace; record_parents and records are
 * reached through each row's key alone, without the workspace as a constant. H2 prices an equality on a
 * column it has no statistics for at two rows, so a constant workspace on either table made it start
 * the level from all the workspace's edges or records (a 10,000-record archive ran past the 5-minute
 * statement timeout). No distributed engine runs H2, which is what the constant is for elsewhere.
 */
final class LevelCascadeQueries extends CascadeQueries {

    LevelCascadeQueries(Sql sql) {
        super(sql);
    }

    @Override
    void walk(Connection connection, Walk walk, Target target) {
        IntoRun run = target instanceof IntoRun into ? into : IntoRun.in(walk.workspace());
        String from = walk.down() ? "e.parent_id" : "e.child_id";
        String to = walk.down() ? "e.child_id" : "e.parent_id";
        int added = sql.update(
                connection,
                Query.of(
                                "INSERT INTO cascade_walk (run_id, workspace, record_id, type, depth, archived_by)"
                                        + " SELECT DISTINCT ?, s.workspace, s.id, s.type, 0, s.archive_operation FROM (",
                                run.run())
                        .add(walk.seed())
                        .add(") s"));
        for (int depth = 0; added > 0; depth++) {
            added = sql.update(
                    connection,
                    Query.of(
                                    "INSERT INTO cascade_walk (run_id, workspace, record_id, type, depth, archived_by)"
                                            + " SELECT DISTINCT ?, c.workspace, c.id, c.type, ?, c.archive_operation"
                                            + " FROM cascade_walk w",
                                    run.run(),
                                    depth + 1)
                            .add(" JOIN record_parents e ON e.workspace = w.workspace AND " + from + " = w.record_id")
                            .add(" JOIN records c ON c.workspace = e.workspace AND c.id = " + to)
                            .add(" WHERE ")
                            .add(run.filter("w"))
                            .add(" AND w.depth = ? AND ", depth)
                            .add(walk.follow())
                            .add(" AND NOT EXISTS (SELECT 1 FROM cascade_walk x WHERE ")
                            .add(run.filter("x"))
                            .add(" AND x.record_id = c.id" + sql.dialect().optimizationFence() + ")"));
        }
        if (target instanceof IntoOperation into) {
            sql.update(
                    connection,
                    Query.of(
                                    "INSERT INTO operation_records (workspace, operation_id, record_id, type, archived_by)"
                                            + " SELECT w.workspace, ?, w.record_id, w.type, w.archived_by FROM cascade_walk w WHERE ",
                                    into.operation())
                            .add(run.filter("w")));
            forget(connection, run);
        }
    }
}
