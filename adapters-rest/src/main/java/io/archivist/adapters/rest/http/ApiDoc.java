package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.json.LifecycleJson;
import io.archivist.adapters.rest.json.RestoreRequest;
import io.archivist.adapters.rest.problem.ProblemJson;
import io.archivist.adapters.rest.problem.Problems;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the OpenAPI document says about the routes beyond their own annotations: the problem answers
 * (RFC 9457) a route can give and the R10 request header, each written once here and put on a route
 * as one annotation. The REST tests check every answer against the document (Api.java), so a status a
 * route really gives and its annotations do not name fails the build.
 */
public final class ApiDoc {

    /**
     * One text for every 422, because a route that is both {@link Unprocessable} and {@link Idempotent}
     * gets one of the two declarations.
     */
    static final String UNPROCESSABLE = "INVALID_OBJECT_TYPE (a catalog invariant), LIMIT_EXCEEDED (too many ids,"
            + " types, or a cascade over the configured limit), NOT_AN_ARCHIVE_OPERATION (only an archive operation"
            + " is restored) or IDEMPOTENCY_KEY_REUSED (the Idempotency-Key was used for another request in the last"
            + " 24 hours)";

    /** The Idempotent-Replayed header of a mutating route's answer (R10). */
    public static final String REPLAYED =
            "true when this is the remembered answer to an earlier request with the same" + " Idempotency-Key";

    private ApiDoc() {}

    /** Every route behind a token: no valid token is a 401; a token without workspace or role, or a reserved subject, a 403. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "401",
            description = "UNAUTHORIZED: no valid bearer token",
            headers =
                    @Header(
                            name = "WWW-Authenticate",
                            description = "Bearer",
                            schema = @Schema(implementation = String.class)),
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    @ApiResponse(
            responseCode = "403",
            description = "FORBIDDEN: the token's roles, workspace or subject do not allow this",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    @ApiResponse(
            responseCode = "503",
            description = "SERVICE_UNAVAILABLE: the store cannot be reached, or SHUTTING_DOWN: this instance is"
                    + " stopping and takes no new request; nothing changed, retry after Retry-After",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "seconds to wait before a retry",
                            schema = @Schema(implementation = Integer.class, minimum = "0")),
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    public @interface Authenticated {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "400",
            description = "VALIDATION_FAILED: a malformed id, parameter or body, or a"
                    + " read-only or unknown field; the detail names it",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    public @interface BadRequest {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "404",
            description = "RECORD_NOT_FOUND, TYPE_NOT_FOUND or OPERATION_NOT_FOUND:"
                    + " unknown, purged, or in another workspace",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    public @interface NotFound {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "409",
            description = "A lifecycle rule refuses the change: PARENT_ARCHIVED,"
                    + " NOT_ARCHIVED, UNIQUE_CONFLICT, DUPLICATE_KEY, CANNOT_ARCHIVE_SELF, RECORD_ARCHIVED,"
                    + " ARCHIVE_NOT_SUPPORTED, or CONCURRENT_MODIFICATION (retry, after Retry-After when given)",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "seconds to wait before a retry of a" + " CONCURRENT_MODIFICATION",
                            schema = @Schema(implementation = Integer.class, minimum = "0")),
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    public @interface Conflict {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "412",
            description = "PRECONDITION_FAILED: If-Match names another version than" + " the record's (R10)",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    public @interface PreconditionFailed {}

    /** A route that reads a body: over {@code micronaut.server.max-request-size} is a 413, another media type a 415. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "413",
            description = "PAYLOAD_TOO_LARGE: the body is over the service's limit",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    @ApiResponse(
            responseCode = "415",
            description = "UNSUPPORTED_MEDIA_TYPE: the body is not of a media type" + " the route reads",
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    public @interface ReadsBody {}

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "422",
            description = UNPROCESSABLE,
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    public @interface Unprocessable {}

    /**
     * A restore's request and answer, the same for a record's and an archive operation's (R5): no body or
     * an empty object; the lifecycle answer, with the restored record's ETag when there is one record.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @RequestBody(
            required = false,
            description = "none, or an empty JSON object",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RestoreRequest.class)))
    @ApiResponse(
            responseCode = "200",
            description = "restored, with what stayed archived and why",
            headers = {
                @Header(
                        name = "ETag",
                        description = "R10: the restored record's version, for If-Match (an undo: its root's, when"
                                + " the operation has one root)",
                        schema = @Schema(implementation = String.class, example = "\"1\"")),
                @Header(
                        name = Replies.REPLAYED,
                        description = REPLAYED,
                        schema = @Schema(implementation = Boolean.class))
            },
            content = @Content(schema = @Schema(implementation = LifecycleJson.class)))
    public @interface Restores {}

    /** A mutating route (R10): its Idempotency-Key used before for another request is a 422. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(
            responseCode = "422",
            description = UNPROCESSABLE,
            content = @Content(mediaType = Problems.PROBLEM_JSON, schema = @Schema(implementation = ProblemJson.class)))
    @Parameter(in = ParameterIn.HEADER, name = Replies.IDEMPOTENCY_KEY, ref = "#/components/parameters/IdempotencyKey")
    public @interface Idempotent {}
}
