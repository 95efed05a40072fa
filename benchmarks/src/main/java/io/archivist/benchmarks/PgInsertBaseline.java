package io.archivist.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivist.domain.RecordId;
import io.archivist.domain.SearchText;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * P4's baselines: the same generated records (rows of {@code records}, their edges in
 * {@code record_parents}, their search text in {@code record_search}, as the store writes them) written by hand, with none of the import's validation, in one transaction:
 * JDBC batches of 1,000 on a connection with {@code reWriteBatchedInserts=true}, and COPY (the limit).
 */
final class PgInsertBaseline {

    static final String REWRITE = "reWriteBatchedInserts=true";
    private static final String COLUMNS = "workspace, id, type, record_key, attributes, parent_ids, deleted_at,"
            + " archive_operation, version, created_at, updated_at, created_by, updated_by";
    private static final String SEARCH =
            "INSERT INTO record_search (record_id, workspace, type, search_text) VALUES (?, ?, ?, ?)";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int BATCH = 1_000;

    private PgInsertBaseline() {}

    /** Batch insert; {@code c} must have been opened with {@link #REWRITE}. Returns the records written. */
    static long batchInsert(Connection c, WorkspaceId workspace, TreeShape shape, String copy) throws SQLException {
        c.setAutoCommit(false);
        Subtrees.Ids ids = new Subtrees.Ids();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long[] written = {0};
        try (PreparedStatement records = c.prepareStatement("INSERT INTO records (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 1, ?, ?, ?, ?)");
                PreparedStatement edges = c.prepareStatement(
                        "INSERT INTO record_parents (workspace, child_id, parent_id) VALUES (?, ?, ?)");
                PreparedStatement search = c.prepareStatement(SEARCH)) {
            Batches<StoredRecord> batches = new Batches<>(BATCH, batch -> {
                try {
                    for (StoredRecord r : batch) {
                        records.setString(1, workspace.value());
                        records.setObject(2, r.id().value());
                        records.setString(3, r.type());
                        records.setString(4, r.key().orElseThrow());
                        records.setString(5, json(r));
                        records.setString(6, parentIds(r.parents()));
                        records.setTimestamp(7, Timestamp.from(r.createdAt()));
                        records.setTimestamp(8, Timestamp.from(r.updatedAt()));
                        records.setString(9, r.createdBy());
                        records.setString(10, r.updatedBy());
                        records.addBatch();
                        search.setObject(1, r.id().value());
                        search.setString(2, workspace.value());
                        search.setString(3, r.type());
                        search.setString(4, SearchText.of(r.key(), r.attributes()));
                        search.addBatch();
                        for (RecordId parent : r.parents()) {
                            edges.setString(1, workspace.value());
                            edges.setObject(2, r.id().value());
                            edges.setObject(3, parent.value());
                            edges.addBatch();
                        }
                    }
                    records.executeBatch();
                    edges.executeBatch();
                    search.executeBatch();
                    written[0] += batch.size();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Subtrees.generate(shape, node -> batches.accept(Subtrees.record(node, ids, copy, workspace, at)));
            batches.flush();
        }
        c.commit();
        return written[0];
    }

    /** COPY ... FROM STDIN in text format: the records, their edges, their search text (the generator runs thrice). */
    static long copy(Connection c, WorkspaceId workspace, TreeShape shape, String copy) throws SQLException {
        c.setAutoCommit(false);
        Subtrees.Ids ids = new Subtrees.Ids();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PGConnection pg = c.unwrap(PGConnection.class);
        long[] written = {0};
        CopyIn records = pg.getCopyAPI().copyIn("COPY records (" + COLUMNS + ") FROM STDIN");
        StringBuilder line = new StringBuilder(256);
        Subtrees.generate(shape, node -> {
            StoredRecord r = Subtrees.record(node, ids, copy, workspace, at);
            line.setLength(0);
            field(line, workspace.value());
            field(line, r.id().toString());
            field(line, r.type());
            field(line, r.key().orElseThrow());
            field(line, json(r));
            field(line, parentIds(r.parents()));
            line.append("\\N\t\\N\t1\t");
            field(line, r.createdAt().toString());
            field(line, r.updatedAt().toString());
            field(line, r.createdBy());
            line.append(escape(r.updatedBy())).append('\n');
            write(records, line);
            written[0]++;
        });
        records.endCopy();
        CopyIn edges = pg.getCopyAPI().copyIn("COPY record_parents (workspace, child_id, parent_id) FROM STDIN");
        Subtrees.generate(shape, node -> {
            for (long parent : node.parents()) {
                line.setLength(0);
                field(line, workspace.value());
                field(line, ids.of(node.serial()).toString());
                line.append(ids.of(parent)).append('\n');
                write(edges, line);
            }
        });
        edges.endCopy();
        CopyIn search =
                pg.getCopyAPI().copyIn("COPY record_search (record_id, workspace, type, search_text) FROM STDIN");
        Subtrees.generate(shape, node -> {
            StoredRecord r = Subtrees.record(node, ids, copy, workspace, at);
            line.setLength(0);
            field(line, r.id().toString());
            field(line, workspace.value());
            field(line, r.type());
            line.append(escape(SearchText.of(r.key(), r.attributes()))).append('\n');
            write(search, line);
        });
        search.endCopy();
        c.commit();
        return written[0];
    }

    private static void write(CopyIn copy, StringBuilder line) {
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder line, String value) {
        line.append(escape(value)).append('\t');
    }

    /** COPY's text format: backslash, tab, newline and carriage return are escaped. */
    private static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static String json(StoredRecord r) {
        try {
            return MAPPER.writeValueAsString(r.attributes());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parentIds(List<RecordId> parents) {
        return parents.stream().map(RecordId::toString).collect(Collectors.joining(","));
    }
}
