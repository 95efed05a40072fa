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
 * each sample sends one request and runs one query, their order alternating, after as many untimed ones
 * when warming up.
 */
final class FirstPage {

    /** Timed samples per side. */
    static final int SAMPLES = 200;

    private static final JsonFactory JSON = new JsonFactory();

    private FirstPage() {}

    /** The page by hand from its prepared statement: the ids of its items, in order, every column read as a row mapper would. */
    interface ByHand {
        List<UUID> page(PreparedStatement query) throws SQLException;
    }

    /** The samples of both sides, in nanoseconds. */
    record Timed(Samples archivist, Samples baseline) {}

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
        Samples archivist = new Samples(), baseline = new Samples();
        int untimed = warmUp ? SAMPLES : 0;
        for (int i = 0; i < untimed + SAMPLES; i++) {
            long apiNanos, handNanos;
            if (i % 2 == 0) {
                apiNanos = timeApi(client, request);
                handNanos = timeByHand(byHand);
            } else {
                handNanos = timeByHand(byHand);
                apiNanos = timeApi(client, request);
            }
            if (i >= untimed) {
                archivist.add(apiNanos);
                baseline.add(handNanos);
            }
        }
        return new Timed(archivist, baseline);
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
