package io.archivist.adapters.rest.problem;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A rule (docs/lifecycle.md) refused the request: its stable code decides the status (ErrorCode.Kind). */
@Singleton
@Produces(Problems.PROBLEM_JSON)
@Requires(classes = ExceptionHandler.class)
public class ArchivistExceptionHandler implements ExceptionHandler<ArchivistException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ArchivistException refused) {
        MutableHttpResponse<Object> response = HttpResponse.status(Problems.status(refused.code()));
        if (refused.code() == ErrorCode.CONCURRENT_MODIFICATION) {
            // R14: the workspace was busy; the same request later will most likely succeed.
            response.header(HttpHeaders.RETRY_AFTER, Problems.RETRY_BUSY_AFTER_SECONDS);
        }
        if (request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        return Problems.asProblem(response.body(Problems.of(request, refused)));
    }
}
