package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.domain.OperationId;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checker of WorkspaceFiltersIT: it catches statements that do not name their workspace, and accepts those that do. */
class WorkspaceFiltersTest {

    /** The recursive walk of an archive as main had it before V12: the recursive term joins through w.workspace only. */
    private static final String OLD_WALK =
            "INSERT INTO operation_records (workspace, operation_id, record_id, type, archived_by) WITH RECURSIVE"
                    + " w (workspace, id, type, archive_operation) AS (SELECT workspace, id, type, archive_operation"
                    + " FROM records WHERE workspace = ? AND id IN (?) AND deleted_at IS NULL UNION SELECT c.workspace,"
                    + " c.id, c.type, c.archive_operation FROM w JOIN record_parents e ON e.workspace = w.workspace"
                    + " AND e.parent_id = w.id JOIN records c ON c.workspace = e.workspace AND c.id = e.child_id WHERE"
                    + " CASE WHEN c.deleted_at IS NULL THEN 1 ELSE 0 END = 1) SELECT workspace, ?, id, type,"
                    + " archive_operation FROM w";

    private static final WorkspaceId WORKSPACE = WorkspaceId.of("w");
    private static final OperationId OPERATION = OperationId.of(UUID.randomUUID());

    @Test
    void the_old_recursive_walk_is_caught_on_both_tables_of_its_recursive_term() {
        List<String> offences = WorkspaceFilters.offences(OLD_WALK);
        assertEquals(2, offences.size(), String.join("\n", offences));
        assertTrue(offences.get(0).startsWith("record_parents e has no e.workspace = "), offences.get(0));
        assertTrue(offences.get(1).startsWith("records c has no c.workspace = "), offences.get(1));
    }

    @Test
    void the_walk_with_the_constant_in_its_recursive_term_passes() {
        String walk = OLD_WALK.replace(
                        "e.workspace = w.workspace AND", "e.workspace = w.workspace AND e.workspace = ? AND")
                .replace("c.workspace = e.workspace AND", "c.workspace = e.workspace AND c.workspace = ? AND");
        assertEquals(List.of(), WorkspaceFilters.offences(walk));
    }

    @Test
    void an_exists_probe_without_the_filter_is_caught_though_the_statement_around_it_has_one() {
        List<String> offences = WorkspaceFilters.offences("SELECT id FROM records WHERE workspace = ? AND EXISTS"
                + " (SELECT 1 FROM record_search s WHERE s.record_id = records.id AND s.workspace = records.workspace"
                + " AND s.search_text LIKE ? ESCAPE '!')");
        assertEquals(1, offences.size(), String.join("\n", offences));
        assertTrue(offences.get(0).startsWith("record_search s has no s.workspace = "), offences.get(0));
        assertEquals(
                List.of(),
                WorkspaceFilters.offences("SELECT id FROM records WHERE workspace = ? AND EXISTS (SELECT 1 FROM"
                        + " record_search s WHERE s.record_id = records.id AND s.workspace = ? OFFSET 0)"));
    }

    @Test
    void a_lateral_join_over_a_json_arrays_elements_passes_only_with_the_filter_on_the_table_it_joins() {
        String page = "SELECT o.*, r.* FROM (SELECT id, root_ids FROM operations WHERE workspace = ? ORDER BY id DESC"
                + " LIMIT ?) o LEFT JOIN LATERAL (SELECT x.n, t.id AS root_id FROM"
                + " jsonb_array_elements_text(CAST(o.root_ids AS jsonb)) WITH ORDINALITY AS x (root, n) JOIN records t"
                + " ON t.workspace = ? AND t.id = CAST(x.root AS uuid) WHERE x.n <= ?) r ON true ORDER BY o.id DESC, r.n";
        assertEquals(List.of(), WorkspaceFilters.offences(page));
        List<String> offences = WorkspaceFilters.offences(page.replace("t.workspace = ? AND ", ""));
        assertEquals(1, offences.size(), String.join("\n", offences));
        assertTrue(offences.get(0).startsWith("records t has no t.workspace = "), offences.get(0));
        assertEquals(
                1,
                WorkspaceFilters.offences("SELECT x FROM unnest(ARRAY(SELECT id FROM records)) AS x")
                        .size(),
                "a query feeding a function in FROM");
    }

    @Test
    void only_a_conjunct_on_the_tables_own_alias_with_a_parameter_or_literal_counts() {
        // Another table's constant, a join on another row's workspace, a filter under OR or NOT: none names it.
        for (String sql : List.of(
                "SELECT r.id FROM records r JOIN record_parents e ON e.workspace = ? AND e.child_id = r.id",
                "SELECT r.id FROM records r JOIN record_parents e ON e.workspace = r.workspace AND e.child_id = r.id"
                        + " WHERE e.workspace = ?",
                "SELECT id FROM records WHERE workspace = ? OR id = ?",
                "SELECT id FROM records WHERE NOT (workspace = ?)",
                "SELECT id FROM records WHERE workspace IN (?, ?)",
                "SELECT id FROM records WHERE workspace = type",
                "SELECT 1 FROM cascade_walk m WHERE m.run_id = ? AND m.record_id = ?")) {
            assertEquals(1, WorkspaceFilters.offences(sql).size(), sql);
        }
        assertEquals(
                List.of(), WorkspaceFilters.offences("SELECT id FROM records WHERE (type = ? AND ('w' = workspace))"));
        assertEquals(
                List.of(), WorkspaceFilters.offences("SELECT catalog_version FROM workspaces WHERE id = :workspace"));
    }

    @Test
    void writes_name_the_workspace_of_their_target_and_of_what_they_read() {
        for (String sql : List.of(
                "INSERT INTO records (id, type) VALUES (?, ?)",
                "INSERT INTO operations (workspace, id, still_archived) VALUES (?, ?,"
                        + " (SELECT COUNT(*) FROM operation_records WHERE operation_id = ?))",
                "UPDATE records SET version = version + 1 WHERE id = ?",
                "UPDATE unique_values SET active_hash = NULL WHERE workspace = ? AND record_id IN"
                        + " (SELECT o.record_id FROM operation_records o WHERE o.operation_id = ?)",
                "DELETE FROM cascade_walk WHERE run_id = ?",
                // The DELETE of PostgreSQL's deleteOfOperation as main had it: the target joins the set's workspace
                // only.
                "DELETE FROM records t USING (SELECT o.workspace, o.record_id FROM operation_records o WHERE"
                        + " o.workspace = ? AND o.operation_id = ? OFFSET 0) o WHERE t.workspace = o.workspace"
                        + " AND t.id = o.record_id",
                "INSERT INTO cascade_walk (run_id, workspace, record_id) SELECT ?, workspace, record_id"
                        + " FROM cascade_walk WHERE run_id = ?")) {
            assertEquals(1, WorkspaceFilters.offences(sql).size(), sql);
        }
        assertEquals(
                List.of(), WorkspaceFilters.offences("INSERT INTO workspaces (id) VALUES (?) ON CONFLICT DO NOTHING"));
    }

    @Test
    void the_dialects_statements_on_an_operations_records_name_the_workspace_everywhere() {
        for (Dialect dialect : List.of(new PostgresDialect(), new MariaDbDialect(), new H2Dialect())) {
            for (Query query : List.of(
                    dialect.updateOfOperation(
                            "records", "id", Query.of("version = version + 1"), "", WORKSPACE, OPERATION, List.of()),
                    dialect.deleteOfOperation("record_parents", "child_id", WORKSPACE, OPERATION, List.of("item")),
                    dialect.deleteOperationRowsInRun(WORKSPACE, OPERATION, UUID.randomUUID()),
                    Query.of("SELECT id FROM operations WHERE ").add(dialect.holdingArchived(WORKSPACE)))) {
                assertEquals(List.of(), WorkspaceFilters.offences(query.sql()), dialect.name() + ": " + query.sql());
            }
        }
    }

    @Test
    void statements_about_no_table_and_tables_of_no_workspace_pass_by_rule() {
        for (String sql : List.of(
                "SELECT 1",
                "SELECT current_setting('fsync')",
                "SELECT pg_backend_pid()",
                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ",
                "SET LOCAL plan_cache_mode = force_custom_plan; SELECT workspace FROM records WHERE workspace = ? AND id = ?",
                "SELECT \"installed_rank\", \"version\" FROM \"public\".\"archivist_schema_history\" ORDER BY 1",
                "SELECT COUNT(*) FROM pg_namespace WHERE nspname = ?",
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
                "UPDATE scheduled_turns SET holder = ?, taken_at = ?, turn_ends = ? WHERE job = ? AND turn_ends <= ?",
                "SET STATEMENT max_recursive_iterations = 4294967295 FOR SELECT id FROM records WHERE workspace = ?")) {
            assertEquals(List.of(), WorkspaceFilters.offences(sql), sql);
        }
    }

    @Test
    void each_part_of_a_string_of_statements_is_checked() {
        List<String> offences =
                WorkspaceFilters.offences("SET LOCAL lock_timeout = 30000; SELECT id FROM workspaces FOR UPDATE");
        assertEquals(1, offences.size(), String.join("\n", offences));
        assertTrue(offences.get(0).startsWith("workspaces has no workspaces.id = "), offences.get(0));
        assertEquals(
                1,
                WorkspaceFilters.offences("SET STATEMENT max_recursive_iterations = 10 FOR SELECT id FROM records")
                        .size());
    }

    @Test
    void only_the_listed_statements_may_read_across_workspaces() {
        assertEquals(List.of(), WorkspaceFilters.offences(CatalogRows.WITH_RETENTION));
        assertEquals(List.of(), WorkspaceFilters.offences(IdempotentRequests.EXPIRED.replace(":answeredBefore", "?")));
        assertEquals(List.of(), WorkspaceFilters.offences(IdempotentRequests.FORGET));
        assertEquals(
                1,
                WorkspaceFilters.offences(
                                "SELECT workspace, name FROM object_types WHERE archivable ORDER BY workspace")
                        .size());
        // A bounded DELETE across workspaces, as main forgot answers: a subquery with LIMIT, which Citus cannot route.
        assertEquals(
                2,
                WorkspaceFilters.offences("DELETE FROM idempotent_requests WHERE answered_at < ? AND (workspace,"
                                + " key_hash) IN (SELECT workspace, key_hash FROM (SELECT workspace, key_hash FROM"
                                + " idempotent_requests WHERE answered_at < ? ORDER BY answered_at LIMIT ?) expired)")
                        .size());
    }

    @Test
    void what_cannot_be_parsed_is_an_offence() {
        assertEquals(
                1,
                WorkspaceFilters.offences("SELECT id FROM records WHERE workspace = = ?")
                        .size());
    }
}
