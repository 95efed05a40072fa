package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.http.Replies.Reply;
import io.archivist.adapters.rest.json.BulkJson;
import io.archivist.adapters.rest.json.BulkRequest;
import io.archivist.adapters.rest.json.JsonBody;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkLifecycleUseCase;
import io.archivist.domain.Caller;
import io.archivist.domain.RecordId;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** R12: archive, restore or delete many records, each id with its own result. */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/records/bulk")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "bulk")
public class BulkController {

    private final BulkLifecycleUseCase bulk;
    private final Callers callers;
    private final Replies replies;
    private final int maxIds;

    /** {@code maxIds} is the service's own limit: an oversized list is refused before any id is read. */
    public BulkController(
            BulkLifecycleUseCase bulk,
            Callers callers,
            Replies replies,
            @Value("${archivist.lifecycle.max-bulk-ids:1000}") int maxIds) {
        this.bulk = bulk;
        this.callers = callers;
        this.replies = replies;
        this.maxIds = maxIds;
    }

    @Post("/archive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bulkArchive", summary = "Archive many records (R1, R12)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BulkRequest.class)))
    @ApiResponse(
            responseCode = "200",
            description = "each id's own result, in the order of the ids",
            headers =
                    @Header(
                            name = Replies.REPLAYED,
                            description = ApiDoc.REPLAYED,
                            schema = @Schema(implementation = Boolean.class)),
            content = @Content(schema = @Schema(implementation = BulkJson.class)))
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.ReadsBody
    @ApiDoc.Unprocessable
    public HttpResponse<String> archive(
            @Body @Nullable byte[] bytes, HttpRequest<?> request, Authentication authentication) {
        return run(BulkCommand.Action.ARCHIVE, JsonBody.utf8(bytes), request, authentication);
    }

    @Post("/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "bulkRestore", summary = "Restore many records (R5, R12)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BulkRequest.class)))
    @ApiResponse(
            responseCode = "200",
            description = "each id's own result, in the order of the ids",
            headers =
                    @Header(
                            name = Replies.REPLAYED,
                            description = ApiDoc.REPLAYED,
                            schema = @Schema(implementation = Boolean.class)),
            content = @Content(schema = @Schema(implementation = BulkJson.class)))
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.ReadsBody
    @ApiDoc.Unprocessable
    public HttpResponse<String> restore(
            @Body @Nullable byte[] bytes, HttpRequest<?> request, Authentication authentication) {
        return run(BulkCommand.Action.RESTORE, JsonBody.utf8(bytes), request, authentication);
    }

    @Post("/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "bulkDelete",
            summary = "Delete many records: archive the active, purge the archived (R1, R3, R4, R12)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BulkRequest.class)))
    @ApiResponse(
            responseCode = "200",
            description = "each id's own result, in the order of the ids",
            headers =
                    @Header(
                            name = Replies.REPLAYED,
                            description = ApiDoc.REPLAYED,
                            schema = @Schema(implementation = Boolean.class)),
            content = @Content(schema = @Schema(implementation = BulkJson.class)))
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.ReadsBody
    @ApiDoc.Unprocessable
    public HttpResponse<String> delete(
            @Body @Nullable byte[] bytes, HttpRequest<?> request, Authentication authentication) {
        return run(BulkCommand.Action.DELETE, JsonBody.utf8(bytes), request, authentication);
    }

    private HttpResponse<String> run(
            BulkCommand.Action action, String body, HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.of(authentication);
        BulkRequest parsed = BulkRequest.parse(body, maxIds);
        List<RecordId> ids = parsed.recordIds();
        return replies.mutate(
                caller,
                BulkLifecycleUseCase.PERMISSION,
                request,
                body,
                () -> Reply.ok(BulkJson.of(bulk.bulk(new BulkCommand(caller, action, ids, parsed.atomic())))));
    }
}
