package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.http.Replies.Reply;
import io.archivist.adapters.rest.json.ArchivedOperationJson;
import io.archivist.adapters.rest.json.Listing;
import io.archivist.adapters.rest.json.OperationJson;
import io.archivist.adapters.rest.json.RestoreRequest;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.OperationQuery;
import io.archivist.application.port.in.OperationQuery.OperationPage;
import io.archivist.application.port.in.RestoreOperationCommand;
import io.archivist.application.port.in.RestoreOperationUseCase;
import io.archivist.domain.Caller;
import io.archivist.domain.OperationId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
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

/**
 * The operation log: admins read every operation of the workspace, others their own; and the undo of an
 * archive operation (docs/api.md).
 */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/operations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "operations")
public class OperationController {

    private final OperationQuery operations;
    private final RestoreOperationUseCase restoreOperation;
    private final Callers callers;
    private final Replies replies;
    private final OperationParameters parameters = new OperationParameters();

    public OperationController(
            OperationQuery operations, RestoreOperationUseCase restoreOperation, Callers callers, Replies replies) {
        this.operations = operations;
        this.restoreOperation = restoreOperation;
        this.callers = callers;
        this.replies = replies;
    }

    @Get
    @Operation(
            operationId = "listOperations",
            summary = "The operation log, newest first",
            description = "A keyset page of the workspace's operations (admins) or of the caller's own (other roles);"
                    + " restorable=true: the archive operations that still hold archived records, each with its roots"
                    + " named, how many records it still holds and when the retention job starts on it")
    @ApiResponse(
            responseCode = "200",
            description = "a page of operations",
            content = @Content(schema = @Schema(implementation = Listing.OperationPage.class)))
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    public Listing.OperationPage list(
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "only operations of this kind",
                            schema = @Schema(allowableValues = {"archive", "restore", "purge"}))
                    String kind,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "only operations of this actor (a token's sub, system or seed); other roles"
                                    + " than admins may name only themselves",
                            schema = @Schema(maxLength = 255))
                    String actor,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "true: only the archive operations that still hold archived records",
                            schema =
                                    @Schema(
                                            allowableValues = {"true", "false"},
                                            defaultValue = "false"))
                    String restorable,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "operations per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
                    String limit,
            @QueryValue @Nullable @Parameter(description = "the next_cursor of the page before") String cursor,
            HttpRequest<?> request,
            Authentication authentication) {
        Caller caller = callers.of(authentication);
        OperationParameters.Page page =
                parameters.parse(request.getParameters(), kind, actor, restorable, limit, cursor);
        OperationPage found = operations.list(caller, page.filter(), page.limit(), page.cursor());
        return new Listing.OperationPage(
                found.items().stream()
                        .map(listed -> listed.archive()
                                .<Object>map(archive -> ArchivedOperationJson.of(listed.operation(), archive))
                                .orElseGet(() -> OperationJson.of(listed.operation())))
                        .toList(),
                found.nextCursor().orElse(null));
    }

    @Get("/{id}")
    @Operation(operationId = "getOperation", summary = "One operation with its counts per type")
    @ApiResponse(
            responseCode = "200",
            description = "the operation",
            content = @Content(schema = @Schema(implementation = OperationJson.class)))
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    public OperationJson get(
            @PathVariable @Parameter(schema = @Schema(format = "uuid")) String id, Authentication authentication) {
        return OperationJson.of(operations.operation(callers.of(authentication), OperationId.parse(id)));
    }

    @Post("/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "restoreOperation",
            summary = "Undo an archive: restore every root it still holds (R5), as one restore",
            description = "All-or-nothing: a root that its restore would refuse refuses them all. With one root the"
                    + " answer has the record, as a record's restore; left_archived lists what stays archived and why.")
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
                            description = "R10: the version of the operation's one root, as its ETag (\"3\");"
                                    + " another version, or an operation of several roots, is a 412",
                            example = "\"1\"")
                    String ifMatch,
            HttpRequest<?> request,
            Authentication authentication) {
        String body = RestoreRequest.emptyBody(bytes);
        Caller caller = callers.of(authentication);
        RestoreOperationCommand command =
                new RestoreOperationCommand(caller, OperationId.parse(id), Etags.ifMatch(ifMatch));
        return replies.mutate(
                caller,
                RestoreOperationUseCase.PERMISSION,
                request,
                body,
                () -> Reply.lifecycle(restoreOperation.restore(command)));
    }
}
