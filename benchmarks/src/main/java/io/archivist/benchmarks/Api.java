package io.archivist.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * P8's client of one workspace of one running service: JSON requests with the workspace's token,
 * each bounded by a timeout. A request that cannot be sent or times out is an answer too (status
 * {@link #NO_ANSWER}): the benchmark counts it as an error rather than stopping.
 */
final class Api {

    static final int NO_ANSWER = -1;

    private final HttpClient client;
    private final URI base;
    private final String token;
    private final Duration timeout;

    Api(HttpClient client, URI base, String token, Duration timeout) {
        this.client = client;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The same client and token, with another bound on each request. */
    Api withTimeout(Duration other) {
        return new Api(client, base, token, other);
    }

    /** What came back: the status and body, or {@link #NO_ANSWER} and why. */
    record Answer(int status, String body, Optional<Duration> retryAfter) {

        /** One line for the report: the status and the start of the body (no newlines, no tabs). */
        String describe() {
            String text = body.replaceAll("\\s+", " ");
            return (status == NO_ANSWER ? "no answer" : Integer.toString(status)) + ": "
                    + (text.length() > 160 ? text.substring(0, 160) + "…" : text);
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer patch(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve("/api/v1" + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Optional<Duration> retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .filter(value -> value.matches("\\d{1,6}"))
                    .map(value -> Duration.ofSeconds(Long.parseLong(value)));
            return new Answer(response.statusCode(), response.body(), retryAfter);
        } catch (IOException e) {
            return new Answer(NO_ANSWER, e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(NO_ANSWER, "interrupted", Optional.empty());
        }
    }
}
