package io.archivist.adapters.rest.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Errors the framework answers itself (no route, wrong method or media type, a rejected token, a
 * body over the size limit, an unexpected failure) as problem documents too. A 5xx never carries
 * the exception's message or stack trace; the server log has them.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {

    /** The codes of the answers the framework gives itself, beside the domain's ErrorCode. */
    @Schema(name = "HttpErrorCode")
    public enum HttpCode {
        UNAUTHORIZED,
        NOT_FOUND,
        METHOD_NOT_ALLOWED,
        NOT_ACCEPTABLE,
        PAYLOAD_TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE,
        SERVICE_UNAVAILABLE,
        SHUTTING_DOWN,
        INTERNAL_ERROR
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Map<String, Object>> processResponse(
            ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Map<String, Object>> problem = (MutableHttpResponse<Map<String, Object>>) response;
        int status = response.code();
        if (status == 401 && !response.getHeaders().contains(HttpHeaders.WWW_AUTHENTICATE)) {
            problem.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problem;
        }
        return Problems.asProblem(problem.body(
                Problems.document(context.getRequest(), status, code(status), detail(status, context), Map.of())));
    }

    /** The stable code of an answer the framework gives itself; every one is a {@link HttpCode} or an ErrorCode. */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "VALIDATION_FAILED";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> HttpCode.SERVICE_UNAVAILABLE.name();
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }

    private static String detail(int status, ErrorContext context) {
        if (status >= 500) {
            return "the service failed to answer this request; the failure is in its log";
        }
        if (status == 401) {
            return "a valid bearer token is required: signed with the service's key, with 'sub' and 'exp', not expired";
        }
        if (status == 403) {
            return "the token's roles do not allow this";
        }
        if (status == 413) {
            return "the request body is larger than this service accepts";
        }
        return context.getErrors().stream()
                .findFirst()
                .map(error -> shorten(error.getMessage()))
                .orElseGet(() -> context.getRootCause()
                        .map(Throwable::getMessage)
                        .map(ProblemErrorResponseProcessor::shorten)
                        .orElse("the request cannot be answered"));
    }

    private static String shorten(String message) {
        if (message == null) {
            return "the request cannot be answered";
        }
        return message.length() <= 300 ? message : message.substring(0, 297) + "...";
    }
}
