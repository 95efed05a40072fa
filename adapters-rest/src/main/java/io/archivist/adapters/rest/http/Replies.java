package io.archivist.adapters.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivist.adapters.rest.json.LifecycleJson;
import io.archivist.adapters.rest.json.RecordJson;
import io.archivist.adapters.rest.metrics.ReplayMetrics;
import io.archivist.adapters.rest.problem.Problems;
import io.archivist.application.port.in.IdempotentRequestUseCase;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.RecordView;
import io.archivist.domain.Caller;
import io.archivist.domain.Role.Permission;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers the mutating routes, honouring {@code Idempotency-Key} (R10): the first response to a key
 * is remembered with the action, in its unit of work, and a repeat of the same request gets it back
 * (status, body, ETag, Location) without acting again. A refusal is remembered as its problem document.
 */
@Singleton
public class Replies {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Tells a client that it got the remembered answer to an earlier request. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final ObjectMapper json;
    private final IdempotentRequestUseCase idempotency;
    private final ReplayMetrics replays;

    public Replies(ObjectMapper json, IdempotentRequestUseCase idempotency, ReplayMetrics replays) {
        this.json = json;
        this.idempotency = idempotency;
        this.replays = replays;
    }

    /** What a route answers before it is written out: status, body and headers. */
    public record Reply(HttpStatus status, Object body, Map<String, String> headers) {

        public static Reply ok(Object body) {
            return new Reply(HttpStatus.OK, body, Map.of());
        }

        /** A record with its ETag (R10). */
        public static Reply record(HttpStatus status, RecordView view) {
            return new Reply(
                    status,
                    RecordJson.of(view),
                    Map.of(HttpHeaders.ETAG, Etags.of(view.record().version())));
        }

        /** What an archive, restore or purge did, with its record's ETag when it has a record (R10). */
        public static Reply lifecycle(LifecycleResult result) {
            Reply reply = ok(LifecycleJson.of(result));
            return result.record()
                    .map(view -> reply.withHeader(
                            HttpHeaders.ETAG, Etags.of(view.record().version())))
                    .orElse(reply);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more);
        }
    }

    /**
     * Runs a mutating route that needs {@code permission} (its use case's PERMISSION). With an
     * Idempotency-Key, the caller is authorised first, then a repeat gets the first answer back,
     * a refusal's problem document included.
     */
    public HttpResponse<String> mutate(
            Caller caller, Permission permission, HttpRequest<?> request, String body, Supplier<Reply> action) {
        String key = request.getHeaders().get(IDEMPOTENCY_KEY);
        String fingerprint = fingerprint(request, body);
        if (key == null) {
            caller.require(permission);
            return send(remember(action.get()), false);
        }
        boolean[] acted = {false};
        String answer = idempotency.once(
                caller,
                permission,
                key,
                fingerprint,
                () -> {
                    acted[0] = true;
                    return remember(action.get()).encode(json);
                },
                refused -> remember(new Reply(Problems.status(refused.code()), Problems.of(request, refused), Map.of()))
                        .encode(json));
        boolean replayed = !acted[0];
        if (replayed) {
            replays.replayed();
        }
        return send(RememberedReply.decode(json, answer), replayed);
    }

    /** A read answered with a record and its ETag. */
    public HttpResponse<RecordJson> record(RecordView view) {
        return HttpResponse.ok(RecordJson.of(view))
                .header(HttpHeaders.ETAG, Etags.of(view.record().version()));
    }

    private RememberedReply remember(Reply reply) {
        try {
            return new RememberedReply(
                    reply.status().getCode(), reply.headers(), json.writeValueAsString(reply.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response as JSON", e);
        }
    }

    private static HttpResponse<String> send(RememberedReply answer, boolean replayed) {
        // Only a refusal is kept with a status of 400 or more, and it was a problem document.
        MutableHttpResponse<String> response = HttpResponse.<String>status(HttpStatus.valueOf(answer.status()))
                .body(answer.body())
                .contentType(answer.status() >= 400 ? Problems.PROBLEM_JSON_TYPE : MediaType.APPLICATION_JSON_TYPE);
        answer.headers().forEach(response::header);
        if (replayed) {
            response.header(REPLAYED, "true");
        }
        return response;
    }

    /** The request a key stands for: method, path, query string, If-Match and body. */
    private static String fingerprint(HttpRequest<?> request, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String ifMatch = request.getHeaders().get(HttpHeaders.IF_MATCH);
            String query = request.getUri().getRawQuery();
            sha.update((request.getMethodName() + " " + request.getPath() + "\n" + (query == null ? "" : query) + "\n"
                            + (ifMatch == null ? "" : ifMatch)
                            + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update((body == null ? "" : body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
