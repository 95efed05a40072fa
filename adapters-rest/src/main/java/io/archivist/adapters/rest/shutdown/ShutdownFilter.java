package io.archivist.adapters.rest.shutdown;

import io.archivist.adapters.rest.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Every request passes the {@link ShutdownGate}: admitted and counted until its answer is ready, or, once
 * the instance shuts down, answered at once with a 503 {@code SHUTTING_DOWN} problem and {@code Retry-After};
 * the health endpoints answer 503 {@code {"status": "DOWN"}}, their own form, so that a load balancer's check
 * takes the instance out. Right after the security headers, before authentication: a refusal costs nothing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ShutdownFilter implements Ordered {

    private static final String HEALTH = "/health";
    private static final String ADMITTED = ShutdownFilter.class.getName() + ".admitted";

    private final ShutdownGate gate;

    public ShutdownFilter(ShutdownGate gate) {
        this.gate = gate;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order() + 1;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) {
        if (!gate.enter()) {
            String path = request.getPath();
            return path.equals(HEALTH) || path.startsWith(HEALTH + "/")
                    ? Problems.down(request)
                    : Problems.shuttingDown(request);
        }
        request.setAttribute(ADMITTED, Boolean.TRUE);
        return null;
    }

    @ResponseFilter
    public void answered(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(ADMITTED).isEmpty()) {
            return;
        }
        request.removeAttribute(ADMITTED, Boolean.class);
        if (gate.isClosed()) {
            // The last answer on this connection: the client's next request goes to an instance that stays.
            response.header(HttpHeaders.CONNECTION, "close");
        }
        gate.leave();
    }
}
