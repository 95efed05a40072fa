package io.archivist.adapters.persistence.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's plan of a statement, as EXPLAIN (FORMAT JSON) gives it just before the statement
 * runs, and what makes it cost more than its set: a table of records read whole, or read again for
 * each row of the set. A cascade's statement must start from its set and reach every other table
 * by key (README, "How it keeps the rules"); these are the shapes that do not.
 */
final class PlanShapes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The tables that grow with the records, and the columns an index condition must give to find a
     * row of each by key (any one of the lists, all of its columns).
     */
    private static final Map<String, List<Set<String>>> LOOKUPS = Map.of(
            "records", List.of(Set.of("workspace", "id")),
            "record_parents", List.of(Set.of("workspace", "child_id"), Set.of("workspace", "parent_id")),
            "unique_values",
                    List.of(
                            Set.of("workspace", "record_id"),
                            Set.of("type", "workspace", "value_hash"),
                            Set.of("type", "workspace", "active_hash")),
            "operation_records", List.of(Set.of("workspace", "operation_id", "record_id")),
            "cascade_walk", List.of(Set.of("run_id", "record_id")));
    /** The sets a statement starts from, and the columns that read one: where the statement starts, never for each row. */
    private static final Map<String, Set<String>> SETS = Map.of(
            "operation_records", Set.of("workspace", "operation_id"),
            "cascade_walk", Set.of("run_id"));

    private static final Set<String> SCANS =
            Set.of("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Bitmap Index Scan");

    private PlanShapes() {}

    /** The plan of {@code prepared}, explained on its own connection with its own parameters (not run). */
    static JsonNode explain(CountingDataSource.Prepared prepared) {
        try (PreparedStatement explain =
                prepared.connection().prepareStatement("EXPLAIN (FORMAT JSON) " + prepared.sql())) {
            prepared.bind(explain);
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                return JSON.readTree(rows.getString(1)).get(0).get("Plan");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot explain " + prepared.sql(), e);
        }
    }

    /** Whether EXPLAIN can take {@code sql}: one plain statement (not a SET followed by a query). */
    static boolean explainable(String sql) {
        String start = sql.stripLeading().toUpperCase(Locale.ROOT);
        return (start.startsWith("SELECT")
                        || start.startsWith("INSERT")
                        || start.startsWith("UPDATE")
                        || start.startsWith("DELETE")
                        || start.startsWith("WITH"))
                && !sql.contains(";");
    }

    /**
     * What is wrong with {@code plan}, one line per offending node; empty when the statement reads its set
     * where it starts and every other row by key. A Seq Scan of cascade_walk where a statement starts or
     * in a subplan's probe is no fault: the planner knows that table's current size (it holds only the
     * runs under way), and picks it only while the table is a few pages. As the inner side of a join it
     * is, since the set on the outer side is planned as one row whatever its size.
     */
    static List<String> faults(JsonNode plan) {
        List<String> faults = new ArrayList<>();
        visit(plan, false, false, faults);
        return faults;
    }

    /**
     * {@code repeated}: the node runs once for each row of something else (inner side of a nested loop,
     * subplan); {@code probe}: it is (within) a subplan.
     */
    private static void visit(JsonNode node, boolean repeated, boolean probe, List<String> faults) {
        String type = node.path("Node Type").asText();
        String table = node.path("Relation Name").asText("");
        if (LOOKUPS.containsKey(table) && SCANS.contains(type) && !type.equals("Bitmap Index Scan")) {
            List<Set<String>> keys = new ArrayList<>(LOOKUPS.get(table));
            if (!repeated && SETS.containsKey(table)) {
                keys.add(SETS.get(table));
            }
            boolean smallScratch = (!repeated || probe) && table.equals("cascade_walk") && type.equals("Seq Scan");
            if (!smallScratch && !byKey(node, keys)) {
                faults.add(type + " on " + table + (repeated ? ", for each row of another," : "") + " not by its key: "
                        + oneLine(node));
            }
        }
        List<JsonNode> children = new ArrayList<>();
        node.path("Plans").forEach(children::add);
        for (int i = 0; i < children.size(); i++) {
            JsonNode child = children.get(i);
            String relationship = child.path("Parent Relationship").asText();
            if (relationship.equals("InitPlan")) {
                continue; // runs once per statement: the probes "does any record of this type hold a unique value"
            }
            boolean subplan = relationship.equals("SubPlan");
            boolean inner = (type.equals("Nested Loop") && i == 1) || subplan;
            visit(child, repeated || inner, probe || subplan, faults);
        }
    }

    /** An index scan whose index condition gives all columns of one of {@code keys} (a bitmap heap scan: its index scans). */
    private static boolean byKey(JsonNode node, List<Set<String>> keys) {
        String type = node.path("Node Type").asText();
        if (type.equals("Bitmap Heap Scan")) {
            List<JsonNode> below = new ArrayList<>();
            node.path("Plans").forEach(below::add);
            return !below.isEmpty() && below.stream().allMatch(b -> byKey(b, keys));
        }
        String condition = node.path("Index Cond").asText("");
        return keys.stream()
                .anyMatch(columns -> columns.stream()
                        .allMatch(column -> condition.matches("(?s).*(\\(|\\.)" + column + "(\\)::text)? = .*")));
    }

    /** One line per node of {@code plan}, indented: for the report of a failure. */
    static String describe(JsonNode plan) {
        StringBuilder out = new StringBuilder();
        describe(plan, 0, out);
        return out.toString();
    }

    private static void describe(JsonNode node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(oneLine(node)).append('\n');
        node.path("Plans").forEach(child -> describe(child, depth + 1, out));
    }

    private static String oneLine(JsonNode node) {
        StringBuilder line = new StringBuilder(node.path("Node Type").asText());
        for (String field : List.of(
                "Relation Name", "Index Name", "Index Cond", "Join Filter", "Hash Cond", "Filter", "Plan Rows")) {
            if (node.has(field)) {
                line.append(" [")
                        .append(field)
                        .append(": ")
                        .append(node.get(field).asText())
                        .append(']');
            }
        }
        return line.toString();
    }
}
