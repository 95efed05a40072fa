package io.archivist.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A plain HTTP client for the tests: raw bodies and headers in, status, headers and JSON out. Every
 * exchange is held against the OpenAPI document the service serves (OpenApiContract).
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    /** Where the OpenAPI document is served: the service's port, also for its management port. */
    private final URI documentAt;

    private OpenApiContract contract;

    Api(URI base) {
        this(base, base);
    }

    private Api(URI base, URI documentAt) {
        this.base = base;
        this.documentAt = documentAt;
    }

    /** The same service on another of its ports (ENDPOINTS_ALL_PORT), held against the same document. */
    Api onPort(int port) {
        return new Api(URI.create(base.getScheme() + "://" + base.getHost() + ":" + port), documentAt);
    }

    /** Where it sends requests. */
    URI base() {
        return base;
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    /**
     * The status of a GET not held against the OpenAPI document: for a route that the service's configuration
     * takes away (ENDPOINTS_ALL_PORT, MICRONAUT_METRICS_ENABLED=false), which the document rightly still names.
     */
    int statusOutsideTheDocument(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    Response put(String path, String token, String body, String... headers) {
        return send("PUT", path, token, body, headers);
    }

    Response patch(String path, String token, String body, String... headers) {
        return send("PATCH", path, token, body, headers);
    }

    Response delete(String path, String token, String... headers) {
        return send("DELETE", path, token, null, headers);
    }

    Response sendBytes(String method, String path, String token, byte[] body) {
        return send(
                method,
                path,
                token,
                HttpRequest.BodyPublishers.ofByteArray(body),
                new String(body, java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type",
                "application/json");
    }

    /** {@code headers} are name, value pairs; a body is sent as application/json unless a Content-Type is given. */
    Response send(String method, String path, String token, String body, String... headers) {
        return send(
                method,
                path,
                token,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
                body,
                headers);
    }

    private Response send(
            String method, String path, String token, HttpRequest.BodyPublisher body, String text, String... headers) {
        boolean hasBody = text != null;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        boolean contentType = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (hasBody && !contentType) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body);
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            if (OpenApiContract.describes(sent.uri().getPath()) && !fromAProxy(response)) {
                contract()
                        .check(
                                method,
                                path,
                                sent.headers().map(),
                                text,
                                response.statusCode(),
                                response.headers(),
                                response.body());
            }
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A load balancer's own answer (HAProxy's 502, 503 or 504 page, when no instance could answer): not the
     * service's, so not held to its document. The service's own 503s are JSON.
     */
    private static boolean fromAProxy(HttpResponse<String> response) {
        int status = response.statusCode();
        return status >= 502
                && status <= 504
                && !response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    private OpenApiContract contract() {
        if (contract == null) {
            contract = OpenApiContract.servedBy(documentAt);
        }
        return contract;
    }

    record Response(int status, java.net.http.HttpHeaders headers, String text) {

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The problem's stable code, failing the test when the answer is not a problem document. */
        String code() {
            if (!contentType().startsWith("application/problem+json")) {
                throw new AssertionError("not a problem document (" + status + ", " + contentType() + "): " + text);
            }
            return json().path("code").asText();
        }

        List<String> texts(String field) {
            return JSON.convertValue(
                    json().path(field), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
