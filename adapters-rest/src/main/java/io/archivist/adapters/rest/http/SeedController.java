package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.http.Replies.Reply;
import io.archivist.adapters.rest.json.SeedDocumentJson;
import io.archivist.adapters.rest.json.SeedReportJson;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.ImportSeedUseCase;
import io.archivist.application.port.in.seed.SeedSource;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Limits;
import io.archivist.domain.SeedFormat;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/v1/seeds} (docs/lifecycle.md#seeds, admins): imports the body into the caller's workspace, with the
 * caller as actor. The body is JSON, YAML or JSON Lines by its Content-Type, and at most
 * {@code micronaut.server.max-request-size} (a 413 before any work otherwise); the import reads it twice
 * (validate, then write). Larger seeds go through the command line or start-up, which stream from a
 * file. {@code ?dry_run=true} only reports. A refused seed is a 400 problem whose {@code errors} name
 * each record's key and position.
 */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/seeds")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "seeds")
public class SeedController {

    static final String YAML = "application/yaml";
    static final String JSON_LINES = "application/x-ndjson";
    private static final String JSON_LINES_TEXT = "JSON Lines: a first line {workspace?, object_types} and then one"
            + " record (as in a JSON seed's records) a line";

    private final ImportSeedUseCase seeds;
    private final Callers callers;
    private final Replies replies;

    public SeedController(ImportSeedUseCase seeds, Callers callers, Replies replies) {
        this.seeds = seeds;
        this.callers = callers;
        this.replies = replies;
    }

    @Post
    @Consumes({MediaType.APPLICATION_JSON, YAML, "application/x-yaml", "text/yaml", JSON_LINES, "application/jsonl"})
    @Operation(
            operationId = "importSeed",
            summary = "Import a seed into the token's workspace (admins)",
            description =
                    "A JSON or YAML document {workspace?, object_types, records}, or JSON Lines. Validated"
                            + " before anything is written; with any error nothing is imported. Importing it again changes nothing.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = SeedDocumentJson.class)),
                @Content(mediaType = YAML, schema = @Schema(implementation = SeedDocumentJson.class)),
                @Content(mediaType = "application/x-yaml", schema = @Schema(implementation = SeedDocumentJson.class)),
                @Content(mediaType = "text/yaml", schema = @Schema(implementation = SeedDocumentJson.class)),
                @Content(mediaType = JSON_LINES, schema = @Schema(type = "string", description = JSON_LINES_TEXT)),
                @Content(
                        mediaType = "application/jsonl",
                        schema = @Schema(type = "string", description = JSON_LINES_TEXT))
            })
    @ApiResponse(
            responseCode = "200",
            description = "what the import did, or with dry_run would do",
            headers =
                    @Header(
                            name = Replies.REPLAYED,
                            description = ApiDoc.REPLAYED,
                            schema = @Schema(implementation = Boolean.class)),
            content = @Content(schema = @Schema(implementation = SeedReportJson.class)))
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.Conflict
    @ApiDoc.ReadsBody
    @ApiDoc.Unprocessable
    public HttpResponse<String> importSeed(
            @Body @Nullable byte[] body,
            @QueryValue("dry_run")
                    @Nullable
                    @Parameter(
                            description = "only report," + " change nothing: true or false",
                            schema = @Schema(type = "boolean", defaultValue = "false"))
                    String dryRun,
            HttpRequest<?> request,
            Authentication authentication) {
        Caller caller = callers.of(authentication);
        // Before the body is looked at: a member learns nothing from a seed's errors (docs/lifecycle.md#roles).
        caller.require(ImportSeedUseCase.PERMISSION);
        SeedFormat format = formatOf(request.getHeaders().get(HttpHeaders.CONTENT_TYPE))
                .orElseThrow(() ->
                        ArchivistException.invalid("a seed is application/json, application/yaml or " + JSON_LINES));
        boolean onlyReport = dryRun(request);
        byte[] seed = body == null ? new byte[0] : body;
        SeedSource source = () -> new ByteArrayInputStream(seed);
        ImportSeedCommand command = ImportSeedCommand.byCaller(caller, source, format, onlyReport);
        // The body's digest stands for the body in the Idempotency-Key fingerprint.
        return replies.mutate(
                caller,
                ImportSeedUseCase.PERMISSION,
                request,
                sha256(seed),
                () -> Reply.ok(SeedReportJson.of(seeds.importSeed(command))));
    }

    /** Only {@code true} or {@code false}: a typo such as {@code ?dry_run=1} must never import for real. */
    private static boolean dryRun(HttpRequest<?> request) {
        List<String> given = request.getParameters().getAll("dry_run");
        if (given.isEmpty()) {
            return false;
        }
        if (given.size() == 1 && (given.get(0).equals("true") || given.get(0).equals("false"))) {
            return given.get(0).equals("true");
        }
        throw ArchivistException.invalid(
                "dry_run must be true or false, not '" + Limits.quote(String.join(",", given)) + "'");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** By HTTP media type (parameters such as charset ignored); JSON when none is given. */
    private static Optional<SeedFormat> formatOf(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            return Optional.of(SeedFormat.JSON);
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/json" -> Optional.of(SeedFormat.JSON);
            case "application/yaml", "application/x-yaml", "text/yaml" -> Optional.of(SeedFormat.YAML);
            case "application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines" ->
                Optional.of(SeedFormat.JSON_LINES);
            default -> Optional.empty();
        };
    }
}
