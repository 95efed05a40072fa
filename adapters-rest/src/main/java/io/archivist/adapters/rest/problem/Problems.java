package io.archivist.adapters.rest.problem;

import io.archivist.adapters.rest.logging.RequestIds;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Error responses as RFC 9457 problem documents with the stable {@code code} of docs/api.md and the
 * {@code request_id} of the request (the one of its log lines, docs/operations.md). A rule's details (the holder
 * of a unique value, the archived parents) become extension members.
 */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.of(PROBLEM_JSON);
    private static final String TYPE_PREFIX = "urn:archivist:problem:";
    /** Retry-After of a 409 CONCURRENT_MODIFICATION: the workspace's turn usually comes round within a second or so. */
    static final String RETRY_BUSY_AFTER_SECONDS = "1";
    /** Retry-After of a 503: a dropped or restarting database takes a few seconds to come back. */
    static final String RETRY_UNAVAILABLE_AFTER_SECONDS = "5";
    /** Retry-After of a 503 SHUTTING_DOWN: another instance behind the same address answers at once. */
    static final String RETRY_SHUTTING_DOWN_AFTER_SECONDS = "1";

    private Problems() {}

    public static HttpStatus status(ErrorCode code) {
        return switch (code.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case PRECONDITION -> HttpStatus.PRECONDITION_FAILED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    /** The problem document of a refusal while answering {@code request}. */
    public static Map<String, Object> of(HttpRequest<?> request, ArchivistException refused) {
        return document(
                request,
                status(refused.code()).getCode(),
                refused.code().name(),
                refused.getMessage(),
                refused.details());
    }

    /**
     * A problem document answering {@code request}; {@code details} never override the standard members. The
     * request id is left out only for a request that no filter saw, which the server never answers.
     */
    public static Map<String, Object> document(
            HttpRequest<?> request, int status, String code, String detail, Map<String, Object> details) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.put("title", title(code));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        RequestIds.of(request).ifPresent(id -> problem.put(RequestIds.KEY, id));
        details.forEach(problem::putIfAbsent);
        return problem;
    }

    /**
     * The answer to a request that arrives while this instance shuts down (SIGTERM): nothing was done, and
     * the client should retry, which a load balancer does on another instance. The connection is closed
     * after it, so that a client's next request opens one to an instance that stays.
     */
    public static MutableHttpResponse<?> shuttingDown(HttpRequest<?> request) {
        MutableHttpResponse<Object> response = goingAway();
        if (request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        return asProblem(response.body(document(
                request,
                HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                ProblemErrorResponseProcessor.HttpCode.SHUTTING_DOWN.name(),
                "this instance of the service is shutting down and takes no new requests; nothing was done, try again",
                Map.of())));
    }

    /** What a health endpoint answers while this instance shuts down: DOWN, in the health endpoints' own form. */
    public static MutableHttpResponse<?> down(HttpRequest<?> request) {
        MutableHttpResponse<Object> response = goingAway();
        return request.getMethod() == HttpMethod.HEAD
                ? response
                : response.contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("status", "DOWN"));
    }

    private static MutableHttpResponse<Object> goingAway() {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_SHUTTING_DOWN_AFTER_SECONDS)
                .header(HttpHeaders.CONNECTION, "close");
    }

    public static <T> MutableHttpResponse<T> asProblem(MutableHttpResponse<T> response) {
        return response.contentType(PROBLEM_JSON_TYPE);
    }

    /** RECORD_NOT_FOUND reads "Record not found". */
    static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
