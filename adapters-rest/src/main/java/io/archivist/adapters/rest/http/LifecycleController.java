package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.http.Replies.Reply;
import io.archivist.adapters.rest.json.LifecycleJson;
import io.archivist.adapters.rest.json.Listing;
import io.archivist.adapters.rest.json.OperationJson;
import io.archivist.adapters.rest.json.PreviewJson;
import io.archivist.adapters.rest.json.RestoreRequest;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleUseCase;
import io.archivist.application.port.in.OperationQuery;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Limits;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.function.Function;

/** Archive, delete twice to destroy, restore, preview and history of one record (docs/lifecycle.md, docs/api.md). */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/records/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "lifecycle")
public class LifecycleController {

    private final LifecycleUseCase lifecycle;
    private final OperationQuery operations;
    private final Callers callers;
    private final Replies replies;

    public LifecycleController(
            LifecycleUseCase lifecycle, OperationQuery operations, Callers callers, Replies replies) {
        this.lifecycle = lifecycle;
        this.operations = operations;
        this.callers = callers;
        this.replies = replies;
    }

    @Delete
    @Operation(
            operationId = "deleteRecord",
            summary = "Archive, or purge what is archived (delete twice to destroy)",
            description =
                    "R1: an active record of an archivable type is archived with its active dependents."
                            + " R3/R4: an archived record, or one of a type without archive, is purged with all its dependents.")
    @ApiResponse(
            responseCode = "200",
            description = "archived with the record, or purged without it",
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "R10: the archived record's version, for If-Match",
                        schema = @Schema(implementation = String.class, example = "\"1\"")),
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = Replies.REPLAYED,
                        description = ApiDoc.REPLAYED,
                        schema = @Schema(implementation = Boolean.class))
            },
            content = @Content(schema = @Schema(implementation = LifecycleJson.class)))
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.PreconditionFailed
    @ApiDoc.Unprocessable
    public HttpResponse<String> delete(
            @PathVariable @Parameter(schema = @Schema(format = "uuid")) String id,
            @Header(HttpHeaders.IF_MATCH)
                    @Nullable
                    @Parameter(
                            description = "R10: the version last seen, as its ETag (\"3\"); another version is a 412",
                            example = "\"1\"")
                    String ifMatch,
            HttpRequest<?> request,
            Authentication authentication) {
        return act(id, ifMatch, null, request, authentication, lifecycle::delete);
    }

    @Post("/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "restoreRecord",
            summary = "Restore what was archived together (R5)",
            description = "Restores the record and exactly the dependents its archive operation archived;"
                    + " left_archived lists those that stay archived and why.")
    @ApiDoc.Restores
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.PreconditionFailed
    @ApiDoc.ReadsBody
    @ApiDoc.Unprocessable
    public HttpResponse<String> restore(
            @PathVariable @Parameter(schema = @Schema(format = "uuid")) String id,
            @Body @Nullable byte[] bytes,
            @Header(HttpHeaders.IF_MATCH)
                    @Nullable
                    @Parameter(
                            description = "R10: the version last seen, as its ETag (\"3\"); another version is a 412",
                            example = "\"1\"")
                    String ifMatch,
            HttpRequest<?> request,
            Authentication authentication) {
        return act(id, ifMatch, RestoreRequest.emptyBody(bytes), request, authentication, lifecycle::restore);
    }

    @Get("/preview")
    @Operation(
            operationId = "previewRecord",
            summary = "What an archive, restore or purge would do (R13); changes nothing")
    @ApiResponse(
            responseCode = "200",
            description = "the dry run's report",
            content = @Content(schema = @Schema(implementation = PreviewJson.class)))
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    public PreviewJson preview(
            @PathVariable @Parameter(schema = @Schema(format = "uuid")) String id,
            @QueryValue
                    @Nullable
                    @Parameter(
                            required = true,
                            description = "the action to preview",
                            schema = @Schema(allowableValues = {"archive", "restore", "purge"}))
                    String action,
            Authentication authentication) {
        Caller caller = callers.of(authentication);
        RecordId recordId = RecordId.parse(id);
        return PreviewJson.of(lifecycle.preview(caller, recordId, action(action)));
    }

    @Get("/history")
    @Operation(operationId = "recordHistory", summary = "The operations that touched the record, oldest first")
    @ApiResponse(
            responseCode = "200",
            description = "the record's operations",
            content = @Content(schema = @Schema(implementation = Listing.History.class)))
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    public Listing.History history(
            @PathVariable @Parameter(schema = @Schema(format = "uuid")) String id, Authentication authentication) {
        Caller caller = callers.of(authentication);
        return new Listing.History(operations.history(caller, RecordId.parse(id)).stream()
                .map(OperationJson::of)
                .toList());
    }

    private HttpResponse<String> act(
            String id,
            String ifMatch,
            String body,
            HttpRequest<?> request,
            Authentication authentication,
            Function<LifecycleCommand, LifecycleResult> action) {
        Caller caller = callers.of(authentication);
        LifecycleCommand command = new LifecycleCommand(caller, RecordId.parse(id), Etags.ifMatch(ifMatch));
        return replies.mutate(
                caller, LifecycleUseCase.PERMISSION, request, body, () -> Reply.lifecycle(action.apply(command)));
    }

    private static OperationKind action(String action) {
        if (action == null) {
            throw ArchivistException.invalid("query parameter 'action' is required: archive, restore or purge");
        }
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "archive" -> OperationKind.ARCHIVE;
            case "restore" -> OperationKind.RESTORE;
            case "purge" -> OperationKind.PURGE;
            default ->
                throw ArchivistException.invalid(
                        "action must be archive, restore or purge, not '" + Limits.quote(action) + "'");
        };
    }
}
