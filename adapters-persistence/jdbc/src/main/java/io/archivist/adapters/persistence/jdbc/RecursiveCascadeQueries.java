package io.archivist.adapters.persistence.jdbc;

import java.sql.Connection;

/**
 * PostgreSQL and MariaDB: a walk is one recursive statement, whatever the depth and size of the
 * set. UNION (not UNION ALL) drops a record reached twice, so a record with several parents in
 * the set is visited once. The recursive term reaches record_parents and records through the row's
 * workspace and names the workspace as a constant too: a distributed engine (Citus) runs a recursive
 * query only when each of its terms filters every table on the distribution column.
 */
final class RecursiveCascadeQueries extends CascadeQueries {

    RecursiveCascadeQueries(Sql sql) {
        super(sql);
    }

    @Override
    void walk(Connection connection, Walk walk, Target target) {
        String from = walk.down() ? "e.parent_id" : "e.child_id";
        String to = walk.down() ? "e.child_id" : "e.parent_id";
        Query insert = target instanceof IntoRun
                ? Query.of("INSERT INTO cascade_walk (run_id, workspace, record_id, type, depth, archived_by) ")
                : Query.of("INSERT INTO operation_records (workspace, operation_id, record_id, type, archived_by) ");
        insert.add("WITH RECURSIVE w (workspace, id, type, archive_operation) AS (")
                .add(walk.seed())
                .add(
                        " UNION SELECT c.workspace, c.id, c.type, c.archive_operation FROM w"
                                + " JOIN record_parents e ON e.workspace = w.workspace AND e.workspace = ? AND " + from
                                + " = w.id JOIN records c ON c.workspace = e.workspace AND c.workspace = ? AND c.id = "
                                + to + " WHERE ",
                        walk.workspace(),
                        walk.workspace())
                .add(walk.follow())
                .add(") ");
        if (target instanceof IntoRun into) {
            insert.add("SELECT ?, workspace, id, type, 0, archive_operation FROM w", into.run());
        } else {
            insert.add("SELECT workspace, ?, id, type, archive_operation FROM w", ((IntoOperation) target).operation());
        }
        // The walk starts its cascade: it asks for custom plans for the rest of it where it should (see Walk).
        String customPlans = walk.customPlans() ? sql.dialect().customPlans() : "";
        sql.update(connection, Query.of(customPlans + sql.dialect().deepRecursion(insert.sql()), insert.params()));
    }
}
