package io.archivist.benchmarks;

import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.domain.ObjectType;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * P9, finding (docs/api.md#finding): the first page of {@code GET /api/v1/records?type=doc&q=WORD}
 * over a type of {@code size} records, through the running service (HTTP, a JWT on every request,
 * PostgreSQL), against the same query written by hand on the same trigram index and run over JDBC,
 * every column read as a row mapper would. Each record's title holds two words of a vocabulary of
 * {@value #WORDS}, so one word is in about one record in {@value #WORDS_PER_FIND}: a search a person
 * makes, matching a few thousand records of a million. Measured as {@link FirstPage} says; the table shows
 * the medians.
 * <p>
 * P9's second line, the first page of {@code GET /operations?restorable=true} over a million operations,
 * is {@link OperationLogScenario}'s, on the same service.
 */
final class FindScenario {

    static final WorkspaceId WORKSPACE = WorkspaceId.of("bench-find");
    static final String TYPE = "doc";
    static final int PAGE = 50;
    static final int WORDS = 1_000;
    static final int WORDS_PER_FIND = WORDS / 2;

    private static final String BASELINE = "SELECT r.workspace, r.id, r.type, r.record_key, r.attributes,"
            + " r.parent_ids, r.deleted_at, r.archive_operation, r.version, r.created_at, r.updated_at,"
            + " r.created_by, r.updated_by FROM records r JOIN record_search s"
            + " ON s.record_id = r.id AND s.workspace = r.workspace"
            + " WHERE r.workspace = ? AND r.type = ? AND r.deleted_at IS NULL AND s.search_text LIKE ?"
            + " ORDER BY r.id LIMIT ?";

    private FindScenario() {}

    static List<Result> run(Options options) throws Exception {
        try (Service service = Service.onPostgres(options, Map.of())) {
            long size = Math.max(WORDS, options.find());
            load(service.archivist, size);
            service.settle();
            String token = service.token("bench-finder", "MEMBER", WORKSPACE);
            List<Result> results = new ArrayList<>();
            results.add(textSearch(service.uri(), token, options, size));
            results.add(OperationLogScenario.restorable(service, options));
            return results;
        }
    }

    /** The first page of q=WORD, through the API and by hand. */
    private static Result textSearch(URI base, String token, Options options, long size) throws Exception {
        String word = word(WORDS / 3);
        String path = "/api/v1/records?type=" + TYPE + "&limit=" + PAGE + "&q="
                + URLEncoder.encode(word, StandardCharsets.UTF_8);
        FirstPage.Timed timed = FirstPage.race(base, path, token, BASELINE, query -> byHand(query, word), options);
        Samples archivist = timed.archivist(), baseline = timed.baseline();
        String note = String.format(
                Locale.ROOT,
                "GET /records?type=%s&q=%s&limit=%d with a JWT, %d samples a side after %,d untimed; a word in about %,d of %,d"
                        + " records; API p99 %.2f ms, by hand p99 %.2f ms",
                TYPE,
                word,
                PAGE,
                archivist.count(),
                timed.untimed(),
                size / WORDS_PER_FIND,
                size,
                archivist.percentileNanos(99) / 1e6,
                baseline.percentileNanos(99) / 1e6);
        return Result.of(
                        "P9",
                        "first page of q=",
                        "postgresql, HTTP",
                        PAGE,
                        "rows",
                        archivist,
                        "the same query by hand (JDBC), same trigram index",
                        baseline,
                        1.0 / 3,
                        note)
                .withSize(size);
    }

    /** The hand-written DAO: every column read, as a row mapper would. */
    private static List<UUID> byHand(PreparedStatement query, String word) throws SQLException {
        query.setString(1, WORKSPACE.value());
        query.setString(2, TYPE);
        query.setString(3, "%" + word + "%");
        query.setInt(4, PAGE);
        List<UUID> ids = new ArrayList<>(PAGE);
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(2, UUID.class));
                for (int column = 3; column <= 13; column++) {
                    rows.getObject(column);
                }
            }
        }
        return ids;
    }

    /**
     * The {@code n}-th word of the vocabulary: seven lower-case letters from a fixed mix of n, so that
     * no word holds another and each has trigrams of its own.
     */
    static String word(int n) {
        long mixed = (n + 1) * 0x9E3779B97F4A7C15L;
        StringBuilder word = new StringBuilder(7);
        for (int i = 0; i < 7; i++) {
            word.append((char) ('a' + Math.floorMod(mixed >>> (i * 9), 26)));
        }
        return word.toString();
    }

    /** {@code size} active records of one type, each titled with two words, in the store's batches. */
    private static void load(Archivist archivist, long size) {
        archivist.define(
                WORKSPACE,
                List.of(new ObjectType(TYPE, true, List.of(), List.of(), Optional.empty())
                        .withTitleAttribute(Optional.of("title"))));
        Subtrees.Ids ids = new Subtrees.Ids();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Log.info("P9: loading %,d records", size);
        archivist.unitOfWork.write(WORKSPACE, () -> {
            Batches<RecordWithUniqueValues> batches = new Batches<>(Archivist.BATCH, archivist.batches::insertAll);
            for (long serial = 0; serial < size; serial++) {
                String title = "Document " + serial + ": " + word((int) (serial % WORDS)) + " and "
                        + word((int) ((serial / WORDS + serial * 7) % WORDS));
                StoredRecord record = StoredRecord.create(
                        ids.of(serial),
                        WORKSPACE,
                        TYPE,
                        Optional.of("doc-" + serial),
                        Map.of("title", title, "status", "open", "pages", (int) (serial % 40)),
                        List.of(),
                        Subtrees.ACTOR,
                        at);
                batches.accept(new RecordWithUniqueValues(record, Map.of()));
            }
            batches.flush();
            return null;
        });
    }
}
