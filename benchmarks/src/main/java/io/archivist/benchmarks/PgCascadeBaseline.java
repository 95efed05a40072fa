package io.archivist.benchmarks;

import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The hand-written SQL docs/quality.md measures P1-P3 against, on the store's own tables (another
 * workspace, an identical copy of the data): what a developer would write for one subtree, with
 * no history, no unique values and no operation log. Each is one statement in its own transaction.
 */
final class PgCascadeBaseline {

    /** The active subtree under a root, through every path (UNION drops a record reached twice). */
    private static final String ACTIVE_SUBTREE = "WITH RECURSIVE sub (id) AS ("
            + " SELECT r.id FROM records r WHERE r.workspace = ? AND r.id = ? AND r.deleted_at IS NULL"
            + " UNION SELECT c.id FROM sub JOIN record_parents e ON e.workspace = ? AND e.parent_id = sub.id"
            + " JOIN records c ON c.workspace = ? AND c.id = e.child_id AND c.deleted_at IS NULL)";

    private static final String WHOLE_SUBTREE = "WITH RECURSIVE sub (id) AS ("
            + " SELECT r.id FROM records r WHERE r.workspace = ? AND r.id = ?"
            + " UNION SELECT e.child_id FROM sub JOIN record_parents e ON e.workspace = ? AND e.parent_id = sub.id)";

    private PgCascadeBaseline() {}

    /** P1: {@code WITH RECURSIVE ... UPDATE}: archives the active subtree under {@code root}. */
    static long archive(Connection c, WorkspaceId workspace, RecordId root, UUID operation) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement(ACTIVE_SUBTREE
                + " UPDATE records SET deleted_at = ?, archive_operation = ?, updated_at = ?, updated_by = ?,"
                + " version = version + 1 WHERE workspace = ? AND id IN (SELECT id FROM sub)")) {
            int i = subtree(s, workspace, root, 4);
            s.setTimestamp(i++, now);
            s.setObject(i++, operation);
            s.setTimestamp(i++, now);
            s.setString(i++, "baseline");
            s.setString(i, workspace.value());
            return commit(c, s.executeUpdate());
        }
    }

    /** P2: {@code UPDATE ... WHERE archive_operation = ?}: restores what that operation archived. */
    static long restore(Connection c, WorkspaceId workspace, UUID operation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE records SET deleted_at = NULL, archive_operation = NULL,"
                        + " updated_at = ?, updated_by = ?, version = version + 1 WHERE workspace = ? AND archive_operation = ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, "baseline");
            s.setString(3, workspace.value());
            s.setObject(4, operation);
            return commit(c, s.executeUpdate());
        }
    }

    /**
     * P3: one recursive DELETE of the subtree, whatever its state. The edges and unique values go in
     * the same statement (data-modifying WITH parts), since they reference the records.
     */
    static long purge(Connection c, WorkspaceId workspace, RecordId root) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(WHOLE_SUBTREE
                + ", edges AS (DELETE FROM record_parents WHERE workspace = ? AND child_id IN (SELECT id FROM sub))"
                + ", uniques AS (DELETE FROM unique_values WHERE workspace = ? AND record_id IN (SELECT id FROM sub))"
                + " DELETE FROM records WHERE workspace = ? AND id IN (SELECT id FROM sub)")) {
            int i = subtree(s, workspace, root, 3);
            s.setString(i++, workspace.value());
            s.setString(i++, workspace.value());
            s.setString(i, workspace.value());
            return commit(c, s.executeUpdate());
        }
    }

    /** Binds the WITH part: workspace, root, then the workspace once per join; returns the next index. */
    private static int subtree(PreparedStatement s, WorkspaceId workspace, RecordId root, int workspaces)
            throws SQLException {
        s.setString(1, workspace.value());
        s.setObject(2, root.value());
        int i = 3;
        for (int w = 2; w < workspaces; w++) {
            s.setString(i++, workspace.value());
        }
        return i;
    }

    private static long commit(Connection c, long rows) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
        return rows;
    }
}
