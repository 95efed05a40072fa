package io.archivist.adapters.rest.problem;

import io.archivist.application.port.out.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The store could not be reached: a 503 that invites a retry (R14), its cause in the log only. */
@Singleton
@Produces(Problems.PROBLEM_JSON)
@Requires(classes = ExceptionHandler.class)
public class StoreUnavailableHandler implements ExceptionHandler<StoreUnavailableException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, StoreUnavailableException unavailable) {
        LOG.warn("{} {}: the store is unavailable", request.getMethod(), request.getPath(), unavailable);
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_UNAVAILABLE_AFTER_SECONDS);
        if (request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        return Problems.asProblem(response.body(Problems.document(
                request,
                HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                ProblemErrorResponseProcessor.HttpCode.SERVICE_UNAVAILABLE.name(),
                "the store cannot be reached at the moment; try again later",
                Map.of())));
    }
}
