package io.archivist.adapters.rest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenAPI document the service serves at {@code /openapi.yml}, held against every exchange of the
 * REST tests (issue 13): each answer must be one the document describes for its route (status, headers,
 * body shape), and each request the service accepts (2xx) must be one the document allows. A route the
 * document does not know is only acceptable as the framework's 404 or 405.
 */
final class OpenApiContract {

    /** The answers of the framework to a path or method that no route serves. */
    private static final Set<Integer> NO_ROUTE = Set.of(404, 405);

    private static final Set<String> UNKNOWN_ROUTE =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private final OpenApiInteractionValidator validator;

    OpenApiContract(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
    }

    /** The document the service at {@code base} serves. */
    static OpenApiContract servedBy(URI base) {
        try {
            HttpResponse<String> served = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/openapi.yml")).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (served.statusCode() != 200) {
                throw new AssertionError("GET /openapi.yml answered " + served.statusCode());
            }
            return new OpenApiContract(served.body());
        } catch (IOException e) {
            throw new AssertionError("cannot read /openapi.yml", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Only the API, its health endpoints and its metrics are described; the console's files and the document itself
     * are not.
     */
    static boolean describes(String path) {
        return path.startsWith("/api/")
                || path.equals("/health")
                || path.startsWith("/health/")
                || path.equals("/prometheus");
    }

    /** Fails with the validator's messages when the exchange is not one the document describes. */
    void check(
            String method,
            String pathAndQuery,
            Map<String, List<String>> requestHeaders,
            String requestBody,
            int status,
            HttpHeaders responseHeaders,
            String responseBody) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Request.Method verb = Request.Method.valueOf(method);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        responseHeaders.map().forEach((name, values) -> response.withHeader(name, values));
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        ValidationReport answer = validator.validateResponse(path, verb, response.build());
        if (NO_ROUTE.contains(status) && onlyUnknownRoute(answer)) {
            return;
        }
        List<ValidationReport.Message> errors = new ArrayList<>(errors(answer));
        if (status >= 200 && status < 300) {
            errors(validator.validateRequest(request(verb, path, pathAndQuery, requestHeaders, requestBody))).stream()
                    .filter(m -> !tolerated(m))
                    .forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("the OpenAPI document does not describe " + method + " " + pathAndQuery + " -> "
                    + status + " " + shorten(responseBody) + ":\n"
                    + errors.stream()
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .toList();
    }

    /**
     * What the service rightly accepts although the validator objects: a body on a route that reads none
     * (HTTP lets the server ignore it), and a path segment spelled {@code null}, which the validator reads
     * as JSON null rather than as the text it is.
     */
    private static boolean tolerated(ValidationReport.Message message) {
        return message.getKey().equals("validation.request.body.unexpected")
                || message.getKey().equals("validation.request.parameter.schema.type")
                        && message.getMessage().contains("Instance type (null)");
    }

    private static boolean onlyUnknownRoute(ValidationReport report) {
        return report.hasErrors()
                && report.getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .allMatch(m -> UNKNOWN_ROUTE.contains(m.getKey()));
    }

    private static Request request(
            Request.Method verb, String path, String pathAndQuery, Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(verb, path);
        // The service reads JSON as UTF-8 whatever charset a Content-Type claims; the validator would look the charset
        // up.
        headers.forEach((name, values) -> request.withHeader(
                name,
                name.equalsIgnoreCase("Content-Type")
                        ? values.stream()
                                .map(value -> value.replaceAll(";.*", ""))
                                .toList()
                        : values));
        if (body != null) {
            request.withBody(body);
        }
        int query = pathAndQuery.indexOf('?');
        if (query >= 0) {
            for (String pair : pathAndQuery.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        return request.build();
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 300 ? String.valueOf(text) : text.substring(0, 297) + "...";
    }
}
