package io.archivist.adapters.rest.console;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The REST API as the browser tests use it behind the console's back: to set up records, and to
 * check what the console showed against what the service says.
 */
final class ServiceApi {

    /** A response: its status and its JSON body as plain maps and lists. */
    record Answer(int status, Map<String, Object> body) {

        String detail() {
            return String.valueOf(body.get("detail"));
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final JsonMapper json;
    private final String token;

    ServiceApi(String baseUrl, JsonMapper json, String token) {
        this.base = baseUrl + "/api/v1";
        this.json = json;
        this.token = token;
    }

    ServiceApi as(String otherToken) {
        return new ServiceApi(base.substring(0, base.length() - "/api/v1".length()), json, otherToken);
    }

    void defineType(String name, List<String> parents, List<String> unique) {
        defineType(name, Map.of("archivable", true, "parents", parents, "unique", unique));
    }

    /** Defines a type from its whole definition (docs/api.md: archivable, parents, unique, retention). */
    void defineType(String name, Map<String, Object> definition) {
        expect(200, call("PUT", "/object-types/" + name, definition, Map.of()));
    }

    /** Creates a record and returns its id. */
    String create(String type, String key, Map<String, Object> attributes, String... parents) {
        Answer created = expect(
                201,
                call(
                        "POST",
                        "/records",
                        Map.of("type", type, "key", key, "attributes", attributes, "parents", List.of(parents)),
                        Map.of()));
        return (String) created.body().get("id");
    }

    /** Creates customers named by their keys, with a unique email each; returns their ids in order. */
    List<String> createCustomers(List<String> keys) {
        return keys.stream()
                .map(key -> create("customer", key, Map.of("name", key, "email", key + "@example.test")))
                .toList();
    }

    /** More keys than one page of the console's list (25): c01 to c27. */
    static List<String> pageAndABitKeys() {
        return IntStream.rangeClosed(1, 27).mapToObj(i -> "c%02d".formatted(i)).toList();
    }

    /** Creates a record without a key (a key is optional) and returns its id. */
    String createWithoutKey(String type, Map<String, Object> attributes) {
        Answer created =
                expect(201, call("POST", "/records", Map.of("type", type, "attributes", attributes), Map.of()));
        return (String) created.body().get("id");
    }

    Answer get(String id) {
        return call("GET", "/records/" + id, null, Map.of());
    }

    /** DELETE: archives an active record (R1), purges an archived one (R3). */
    void delete(String id) {
        expect(200, call("DELETE", "/records/" + id, null, Map.of()));
    }

    Answer call(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, Object> parsed = response.body().length == 0
                    ? Map.of()
                    : json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
