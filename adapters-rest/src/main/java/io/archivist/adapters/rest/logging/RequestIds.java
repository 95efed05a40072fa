package io.archivist.adapters.rest.logging;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Every request gets an id (docs/operations.md): the trace-id of a valid W3C {@code traceparent}, else a valid
 * {@code X-Request-Id}, else a new one (32 hex digits, like a trace-id). It is in the MDC of every log line of the
 * request as {@code request_id}, on whatever thread the request runs (Micronaut carries the MDC with the request's
 * propagated context, onto the blocking executor too), in the answer's {@code X-Request-Id} header, and in every
 * problem document ({@code request_id}). A header that is too long or holds anything but letters, digits and
 * {@code - _ . : + = /} is ignored, so that no client text reaches a log line or a header unchecked. Ordered
 * first, so that a refusal of the security filter carries it too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIds implements Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    /** The MDC key, and the problem document's member. */
    public static final String KEY = "request_id";

    static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:+=/-]{1," + MAX_LENGTH + "}");
    /** version-traceid-parentid-flags; the version ff is invalid, and so are ids of zeros only. */
    private static final Pattern TRACEPARENT_FORM =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

    private static final String ATTRIBUTE = RequestIds.class.getName();

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    public void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = idOf(request.getHeaders());
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of(KEY, id)));
    }

    @ResponseFilter
    public void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        of(request).ifPresent(id -> response.getHeaders().set(HEADER, id));
    }

    /** The id of {@code request}, once this filter has seen it. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }

    static String idOf(HttpHeaders headers) {
        return traceId(headers.get(TRACEPARENT))
                .or(() -> Optional.ofNullable(headers.get(HEADER)).filter(RequestIds::safe))
                .orElseGet(RequestIds::newId);
    }

    /** The trace-id of a traceparent of W3C Trace Context, if it is one. */
    static Optional<String> traceId(String traceparent) {
        if (traceparent == null || traceparent.length() > 512) {
            return Optional.empty();
        }
        var parts = TRACEPARENT_FORM.matcher(traceparent.trim());
        if (!parts.matches()
                || parts.group(1).equals("ff")
                || parts.group(1).equals("00") && parts.group(5) != null
                || parts.group(2).chars().allMatch(c -> c == '0')
                || parts.group(3).chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        return Optional.of(parts.group(2));
    }

    static boolean safe(String id) {
        return SAFE.matcher(id).matches();
    }

    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
    }
}
