package io.archivist.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * P9's measure, for each of its lines: the first page of a listing through the running service (HTTP, a
 * JWT on every request) against the same page by hand over JDBC. Both must give the same ids first; then
 * each sample sends one request and runs one query, their order alternating, after untimed ones when
 * warming up ({@link #WARM_UP}).
 */
final class FirstPage {

    /** Timed samples per side. */
    static final int SAMPLES = 500;

    /**
     * Untimed samples per side first, or as many as {@link #WARM_UP_TIME} allows: a service is measured as it
     * runs, its request's path compiled by the JIT, as P6 measures it after thousands of requests. After 200,
     * the first page of restorable operations still took twice as long as after 3,000 (BENCHMARKS.md).
     */
    static final int WARM_UP = 3_000;

    static final Duration WARM_UP_TIME = Duration.ofSeconds(30);

    private static final JsonFactory JSON = new JsonFactory();

    private FirstPage() {}

    /** The page by hand from its prepared statement: the ids of its items, in order, every column read as a row mapper would. */
    interface ByHand {
        List<UUID> page(PreparedStatement query) throws SQLException;
    }

    /** The samples of both sides, in nanoseconds, after {@code untimed} samples a side. */
    record Timed(Samples archivist, Samples baseline, int untimed) {}

    /** {@code GET path} of the service at {@code base} with {@code token}, against {@code sql} by hand on the benchmark's database. */
    static Timed race(URI base, String path, String token, String sql, ByHand byHand, Options options)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(1))
                .GET()
                .build();
        try (Connection c = DriverManager.getConnection(options.pgUrl(), options.pgUser(), options.pgPassword());
                PreparedStatement query = c.prepareStatement(sql)) {
            return race(request, () -> byHand.page(query), options.warmUp());
        }
    }

    private interface Page {
        List<UUID> ids() throws SQLException;
    }

    private static Timed race(HttpRequest request, Page byHand, boolean warmUp) throws Exception {
        HttpClient client = Api.client();
        List<UUID> expected = byHand.ids();
        List<UUID> viaApi = itemIds(send(client, request));
        if (expected.isEmpty() || !expected.equals(viaApi)) {
            throw new IllegalStateException("P9: the API and the hand-written query disagree on the first page of "
                    + request.uri() + " (" + viaApi.size() + " and " + expected.size() + " items)");
        }
        int untimed = 0;
        if (warmUp) {
            long until = System.nanoTime() + WARM_UP_TIME.toNanos();
            for (; untimed < WARM_UP && System.nanoTime() < until; untimed++) {
                sample(client, request, byHand, untimed, new Samples(), new Samples());
            }
        }
        Samples archivist = new Samples(), baseline = new Samples();
        for (int i = 0; i < SAMPLES; i++) {
            sample(client, request, byHand, i, archivist, baseline);
        }
        return new Timed(archivist, baseline, untimed);
    }

    /** One request and one query, the request first in every other sample. */
    private static void sample(
            HttpClient client, HttpRequest request, Page byHand, int i, Samples archivist, Samples baseline)
            throws Exception {
        if (i % 2 == 0) {
            archivist.add(timeApi(client, request));
            baseline.add(timeByHand(byHand));
        } else {
            baseline.add(timeByHand(byHand));
            archivist.add(timeApi(client, request));
        }
    }

    private static long timeApi(HttpClient client, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        send(client, request);
        return System.nanoTime() - start;
    }

    private static long timeByHand(Page byHand) throws SQLException {
        long start = System.nanoTime();
        byHand.ids();
        return System.nanoTime() - start;
    }

    private static String send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "P9: " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The {@code id} of each item of a page {@code {"items": [...], ...}}, in order (not the ids nested in an item). */
    static List<UUID> itemIds(String page) throws IOException {
        List<UUID> ids = new ArrayList<>();
        try (JsonParser json = JSON.createParser(page)) {
            int depth = 0;
            boolean inItems = false;
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        inItems &= depth >= 2;
                    }
                    case FIELD_NAME -> {
                        if (depth == 1 && json.currentName().equals("items")) {
                            inItems = true;
                        } else if (inItems && depth == 3 && json.currentName().equals("id")) {
                            json.nextToken();
                            ids.add(UUID.fromString(json.getText()));
                        }
                    }
                    default -> {}
                }
            }
        }
        return ids;
    }
}
