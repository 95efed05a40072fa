package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.http.Replies.Reply;
import io.archivist.adapters.rest.json.CreateRecordRequest;
import io.archivist.adapters.rest.json.JsonBody;
import io.archivist.adapters.rest.json.PatchRecordRequest;
import io.archivist.adapters.rest.json.RecordJson;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.CreateRecordCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleUseCase;
import io.archivist.application.port.in.RecordUseCase;
import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.domain.Caller;
import io.archivist.domain.RecordId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;

/** Create, read and update records (docs/api.md); PATCH also archives and restores. Lists: RecordListController. */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/records")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "records")
public class RecordController {

    private final RecordUseCase records;
    private final LifecycleUseCase lifecycle;
    private final Callers callers;
    private final Replies replies;

    public RecordController(RecordUseCase records, LifecycleUseCase lifecycle, Callers callers, Replies replies) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.callers = callers;
        this.replies = replies;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createRecord",
            summary = "Create a record",
            description = "201 with the record, its ETag and Location")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateRecordRequest.class)))
    @ApiResponse(
            responseCode = "201",
            description = "the new record",
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "R10: the record's version, for If-Match",
                        schema = @Schema(implementation = String.class, example = "\"1\"")),
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "Location",
                        description = "the new record's path",
                        required = true,
                        schema =
                                @Schema(
                                        implementation = String.class,
                                        example = "/api/v1/records/0190a0d4-0000-7000-8000-000000000000")),
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = Replies.REPLAYED,
                        description = ApiDoc.REPLAYED,
                        schema = @Schema(implementation = Boolean.class))
            },
            content = @Content(schema = @Schema(implementation = RecordJson.class)))
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.ReadsBody
    public HttpResponse<String> create(
            @Body @Nullable byte[] bytes, HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.of(authentication);
        String body = JsonBody.utf8(bytes);
        CreateRecordRequest create = CreateRecordRequest.parse(body);
        List<RecordId> parents = create.parents().stream().map(RecordId::parse).toList();
        return replies.mutate(caller, RecordUseCase.PERMISSION, request, body, () -> {
            RecordView view = records.create(new CreateRecordCommand(
                    caller, create.type(), Optional.ofNullable(create.key()), create.attributes(), parents));
            return Reply.record(HttpStatus.CREATED, view)
                    .withHeader(
                            HttpHeaders.LOCATION,
                            "/api/v1/records/" + view.record().id());
        });
    }

    @Get("/{id}")
    @Operation(
            operationId = "getRecord",
            summary = "A record, archived or not",
            description = "404 once purged, or in another workspace")
    @ApiResponse(
            responseCode = "200",
            description = "the record",
            headers =
                    @io.swagger.v3.oas.annotations.headers.Header(
                            name = "ETag",
                            description = "R10: the record's version, for If-Match",
                            schema = @Schema(implementation = String.class, example = "\"1\"")),
            content = @Content(schema = @Schema(implementation = RecordJson.class)))
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    public HttpResponse<RecordJson> get(
            @PathVariable @Parameter(schema = @Schema(format = "uuid")) String id, Authentication authentication) {
        return replies.record(records.get(callers.of(authentication), RecordId.parse(id)));
    }

    @Patch("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            operationId = "updateRecord",
            summary = "Merge attributes, or archive / restore",
            description = "{\"attributes\": {...}} is an RFC 7396 merge patch; archived, is_archived or in_trash set to"
                    + " true archives and to false restores. Honours If-Match.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PatchRecordRequest.class)))
    @ApiResponse(
            responseCode = "200",
            description = "the record as it is now",
            headers = {
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = "ETag",
                        description = "R10: the record's version, for If-Match",
                        schema = @Schema(implementation = String.class, example = "\"1\"")),
                @io.swagger.v3.oas.annotations.headers.Header(
                        name = Replies.REPLAYED,
                        description = ApiDoc.REPLAYED,
                        schema = @Schema(implementation = Boolean.class))
            },
            content = @Content(schema = @Schema(implementation = RecordJson.class)))
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.PreconditionFailed
    @ApiDoc.ReadsBody
    @ApiDoc.Unprocessable
    public HttpResponse<String> patch(
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
        Caller caller = callers.of(authentication);
        RecordId recordId = RecordId.parse(id);
        String body = JsonBody.utf8(bytes);
        PatchRecordRequest patch = PatchRecordRequest.parse(body);
        var expected = Etags.ifMatch(ifMatch);
        // Changing attributes is a record write; setting the archived state is a lifecycle action
        // (docs/lifecycle.md#roles).
        var permission = patch.attributes() != null ? RecordUseCase.PERMISSION : LifecycleUseCase.PERMISSION;
        return replies.mutate(caller, permission, request, body, () -> {
            if (patch.attributes() != null) {
                return Reply.record(
                        HttpStatus.OK,
                        records.update(new UpdateRecordCommand(caller, recordId, patch.attributes(), expected)));
            }
            LifecycleResult result = lifecycle.setArchived(
                    new LifecycleCommand(caller, recordId, expected),
                    patch.archivedState().orElseThrow());
            return Reply.record(HttpStatus.OK, result.record().orElseThrow());
        });
    }
}
