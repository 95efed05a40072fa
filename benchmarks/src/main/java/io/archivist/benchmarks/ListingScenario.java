package io.archivist.benchmarks;

import io.archivist.application.port.in.ListRecordsQuery.RecordPage;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.domain.Caller;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * P5: a page of 50 active records of a type holding {@code size} records, every other one archived,
 * through the listing use case (keyset cursor) against the hand-written keyset query on the partial
 * index of active records. Measured at page 1, in the middle and at the last page, to show the time
 * stays flat however deep the page (10,000 pages at docs/quality.md's size).
 */
final class ListingScenario {

    static final WorkspaceId WORKSPACE = WorkspaceId.of("bench-listing");
    static final String TYPE = "item";
    static final int PAGE = 50;
    /** Timed requests per page and side, after as many untimed ones (when warming up). */
    static final int SAMPLES = 400;

    private static final String BASELINE = "SELECT workspace, id, type, record_key, attributes, parent_ids, deleted_at,"
            + " archive_operation, version, created_at, updated_at, created_by, updated_by FROM records"
            + " WHERE workspace = ? AND type = ? AND deleted_at IS NULL AND id > ? ORDER BY id LIMIT ?";

    private final Postgres db;

    ListingScenario(Postgres db) {
        this.db = db;
    }

    List<Result> run(long size, boolean warmUp) throws Exception {
        db.reset();
        Subtrees.Ids ids = load(size);
        db.vacuumAnalyze();
        long active = (size + 1) / 2;
        long lastPage = Math.max(1, (active + PAGE - 1) / PAGE);
        List<Long> pages = List.of(1L, Math.max(1, lastPage / 2), lastPage);
        Caller caller = Archivist.admin(WORKSPACE);
        RecordFilter filter = RecordFilter.ofType(TYPE, RecordFilter.ArchivedFilter.ACTIVE);
        List<Result> results = new ArrayList<>();
        double firstPage = 0;
        try (Connection c = db.connect("");
                PreparedStatement keyset = c.prepareStatement(BASELINE)) {
            for (long page : pages) {
                // The first record of page k is the ((k-1)·50+1)-th active one; active records have even serials.
                long afterSerial = 2 * ((page - 1) * PAGE - 1);
                Optional<RecordId> after = page == 1 ? Optional.empty() : Optional.of(ids.of(afterSerial));
                Optional<String> cursor = after.map(ListingScenario::cursor);
                RecordId expectedFirst = ids.of(2 * (page - 1) * PAGE);
                Samples archivist = new Samples(), baseline = new Samples();
                int untimed = warmUp ? SAMPLES : 0;
                for (int i = 0; i < untimed + SAMPLES; i++) {
                    boolean timed = i >= untimed;
                    long start = System.nanoTime();
                    RecordPage got = db.archivist.records.list(caller, filter, PAGE, cursor);
                    long mid = System.nanoTime();
                    List<UUID> base = keyset(keyset, after);
                    long end = System.nanoTime();
                    if (timed) {
                        archivist.add(mid - start);
                        baseline.add(end - mid);
                    }
                    if (i == 0) {
                        check(page, expectedFirst, got, base);
                    }
                }
                if (page == 1) {
                    firstPage = archivist.medianMillis();
                }
                String note = page == lastPage && pages.size() > 1
                        ? String.format(
                                java.util.Locale.ROOT,
                                "page %,d takes %.2f× the time of page 1 (flat: close to 1)",
                                page,
                                archivist.medianMillis() / firstPage)
                        : "";
                results.add(Result.of(
                                "P5",
                                String.format(java.util.Locale.ROOT, "page %,d of %,d", page, lastPage),
                                "postgresql",
                                PAGE,
                                "rows",
                                archivist,
                                "keyset SQL on the partial index",
                                baseline,
                                1.0 / 3,
                                note)
                        .withSize(size));
            }
        }
        return results;
    }

    private static void check(long page, RecordId expectedFirst, RecordPage got, List<UUID> base) {
        if (got.items().size() != base.size()
                || got.items().isEmpty()
                || !got.items().get(0).record().id().equals(expectedFirst)
                || !got.items().get(0).record().id().value().equals(base.get(0))) {
            throw new IllegalStateException("P5 page " + page + ": Archivist and the baseline disagree on the page ("
                    + got.items().size() + " and " + base.size() + " records)");
        }
    }

    /** The hand-written DAO: every column read, as a row mapper would. */
    private static List<UUID> keyset(PreparedStatement keyset, Optional<RecordId> after) throws SQLException {
        keyset.setString(1, WORKSPACE.value());
        keyset.setString(2, TYPE);
        keyset.setObject(3, after.map(RecordId::value).orElse(new UUID(0, 0)));
        keyset.setInt(4, PAGE);
        List<UUID> ids = new ArrayList<>(PAGE);
        try (ResultSet rows = keyset.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(2, UUID.class);
                ids.add(id);
                for (int column = 3; column <= 13; column++) {
                    rows.getObject(column);
                }
            }
        }
        return ids;
    }

    /** The service's cursor is the last id of a page (see PageCursor); a wrong guess fails the page check. */
    private static String cursor(RecordId last) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(last.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code size} records of one type, every other one archived (one archive operation), in the store's batches. */
    private Subtrees.Ids load(long size) {
        Archivist archivist = db.archivist;
        archivist.define(WORKSPACE, List.of(new ObjectType(TYPE, true, List.of(), List.of(), Optional.empty())));
        Subtrees.Ids ids = new Subtrees.Ids();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Operation operation = Operation.begin(
                OperationId.of(UUID.randomUUID()), WORKSPACE, OperationKind.ARCHIVE, Subtrees.ACTOR, at, List.of());
        Log.info("P5: loading %,d records, every other one archived", size);
        archivist.unitOfWork.write(WORKSPACE, () -> {
            Batches<RecordWithUniqueValues> batches = new Batches<>(Archivist.BATCH, archivist.batches::insertAll);
            for (long serial = 0; serial < size; serial++) {
                StoredRecord record = StoredRecord.create(
                        ids.of(serial),
                        WORKSPACE,
                        TYPE,
                        Optional.empty(),
                        Map.of("title", "item number " + serial, "status", "open", "priority", (int) (serial % 5)),
                        List.of(),
                        Subtrees.ACTOR,
                        at);
                if (serial % 2 == 1) {
                    record = record.archivedBy(operation.id(), Subtrees.ACTOR, at);
                }
                batches.accept(new RecordWithUniqueValues(record, Map.of()));
            }
            batches.flush();
            archivist.operations.save(operation.finish(List.of(), CountsPerType.of(TYPE, size / 2)));
            return null;
        });
        return ids;
    }
}
