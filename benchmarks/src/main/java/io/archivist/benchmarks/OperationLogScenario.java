package io.archivist.benchmarks;

import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.domain.ObjectType;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * P9's second line: the first page of {@code GET /api/v1/operations?restorable=true} (an admin's: the
 * whole workspace) over a log of {@code size} operations, against the same page by hand on the same
 * partial index (V9), its roots named as the API names them, measured as {@link FirstPage} says. Of every ten operations five are archives, four
 * restores, one a purge, and only one archive in {@value #HOLDING_EVERY} still holds a record: the
 * archive of a workspace whose archives were mostly undone or destroyed, where a page found by reading
 * the log would read hundreds of operations for each one it shows.
 * <p>
 * The log is written with COPY (its operations hold nothing yet), then the held records through the
 * store's own batches, which count them on their operations as a seed's records are counted.
 */
final class OperationLogScenario {

    static final WorkspaceId WORKSPACE = WorkspaceId.of("bench-oplog");
    static final String TYPE = "memo";
    static final int PAGE = 50;
    static final int HOLDING_EVERY = 200;
    private static final String ACTOR = "bench-admin";
    private static final int NAMED_ROOTS = io.archivist.application.port.in.OperationQuery.NAMED_ROOTS;

    /**
     * The same page by hand, in one statement: the log's rows from the index of the operations that hold
     * records, each with the first of its roots it still holds (their type, key and attributes, which name
     * them), as the API answers it.
     */
    private static final String BASELINE = "SELECT o.id, o.workspace, o.kind, o.actor, o.happened_at, o.root_ids,"
            + " o.counts, o.still_archived, r.id AS root, r.type, r.record_key, r.attributes"
            + " FROM (SELECT workspace, id, kind, actor, happened_at, root_ids, counts, still_archived"
            + " FROM operations WHERE workspace = ? AND still_archived > 0 ORDER BY id DESC LIMIT ?) o"
            + " LEFT JOIN LATERAL (SELECT x.n, r.id, r.type, r.record_key, r.attributes"
            + " FROM jsonb_array_elements_text(CAST(o.root_ids AS jsonb)) WITH ORDINALITY AS x (root, n)"
            + " JOIN records r ON r.workspace = o.workspace AND r.id = CAST(x.root AS uuid)"
            + " AND r.archive_operation = o.id WHERE x.n <= " + NAMED_ROOTS + ") r ON true"
            + " ORDER BY o.id DESC, r.n";

    private OperationLogScenario() {}

    static Result restorable(Service service, Options options) throws Exception {
        long size = Math.max(10L * HOLDING_EVERY * PAGE / 5, options.operations());
        long holding = load(service.archivist, options, size);
        service.settle();
        FirstPage.Timed timed = FirstPage.race(
                service.uri(),
                "/api/v1/operations?restorable=true&limit=" + PAGE,
                service.token(ACTOR, "ADMIN", WORKSPACE),
                BASELINE,
                OperationLogScenario::byHand,
                options);
        Samples archivist = timed.archivist(), baseline = timed.baseline();
        String note = String.format(
                Locale.ROOT,
                "GET /operations?restorable=true&limit=%d with an admin's JWT (roots named, catalog for retention),"
                        + " %d samples a side after %,d untimed; %,d of %,d operations still hold a record; API p99 %.2f ms,"
                        + " by hand p99 %.2f ms",
                PAGE,
                archivist.count(),
                timed.untimed(),
                holding,
                size,
                archivist.percentileNanos(99) / 1e6,
                baseline.percentileNanos(99) / 1e6);
        return Result.of(
                        "P9",
                        "first page of restorable operations",
                        "postgresql, HTTP",
                        PAGE,
                        "rows",
                        archivist,
                        "the same page by hand (JDBC), roots named, same partial index",
                        baseline,
                        1.0 / 3,
                        note)
                .withSize(size);
    }

    /** The hand-written DAO: every column read, as a row mapper would; the operations' ids in order. */
    private static List<UUID> byHand(PreparedStatement query) throws SQLException {
        query.setString(1, WORKSPACE.value());
        query.setInt(2, PAGE);
        List<UUID> ids = new ArrayList<>(PAGE);
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                UUID operation = rows.getObject(1, UUID.class);
                if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(operation)) {
                    ids.add(operation);
                }
                for (int column = 2; column <= 12; column++) {
                    rows.getObject(column);
                }
            }
        }
        return ids;
    }

    /** The log of {@code size} operations, and a record held by one archive in {@link #HOLDING_EVERY}; how many. */
    private static long load(Archivist archivist, Options options, long size) throws SQLException {
        archivist.define(
                WORKSPACE,
                List.of(new ObjectType(TYPE, true, List.of(), List.of(), Optional.empty())
                        .withTitleAttribute(Optional.of("subject"))));
        Log.info("P9: logging %,d operations", size);
        TimeOrderedIds ids = new TimeOrderedIds();
        Instant start = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
        List<StoredRecord> held = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword())) {
            c.setAutoCommit(false);
            CopyIn copy = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY operations (workspace, id, kind, actor, happened_at, root_ids, counts,"
                            + " still_archived) FROM STDIN");
            StringBuilder line = new StringBuilder(256);
            long archives = 0;
            for (long serial = 0; serial < size; serial++) {
                OperationId operation = OperationId.of(ids.next());
                RecordId root = RecordId.of(ids.next());
                Instant at = start.plusMillis(serial);
                String kind = serial % 10 < 5 ? "ARCHIVE" : serial % 10 < 9 ? "RESTORE" : "PURGE";
                if (kind.equals("ARCHIVE") && archives++ % HOLDING_EVERY == 0) {
                    held.add(heldRecord(root, operation, at, held.size()));
                }
                line.setLength(0);
                line.append(WORKSPACE.value())
                        .append('\t')
                        .append(operation)
                        .append('\t')
                        .append(kind)
                        .append('\t')
                        .append(ACTOR)
                        .append('\t')
                        .append(at)
                        .append("\t[\"")
                        .append(root)
                        .append("\"]\t{\"")
                        .append(TYPE)
                        .append("\": 1}\t0\n");
                byte[] bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
            c.commit();
        }
        Log.info("P9: %,d of them hold a record", held.size());
        archivist.unitOfWork.write(WORKSPACE, () -> {
            Batches<RecordWithUniqueValues> batches = new Batches<>(Archivist.BATCH, archivist.batches::insertAll);
            held.forEach(record -> batches.accept(new RecordWithUniqueValues(record, Map.of())));
            batches.flush();
            return null;
        });
        return held.size();
    }

    /** The root of a held archive: archived at its time by it, and named by its subject. */
    private static StoredRecord heldRecord(RecordId id, OperationId operation, Instant at, int serial) {
        return new StoredRecord(
                id,
                WORKSPACE,
                TYPE,
                Optional.empty(),
                Map.of("subject", "Memo " + serial),
                List.of(),
                Optional.of(at),
                Optional.of(operation),
                2,
                at,
                at,
                ACTOR,
                ACTOR);
    }
}
