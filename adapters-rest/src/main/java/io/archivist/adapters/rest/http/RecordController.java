package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.http.Replies.Reply;
import io.archivist.adapters.rest.json.CreateRecordRequest;
import io.archivist.adapters.rest.json.JsonBody;
import io.archivist.adapters.rest.json.Listing;
import io.archivist.adapters.rest.json.PatchRecordRequest;
import io.archivist.adapters.rest.json.RecordJson;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.CreateRecordCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleUseCase;
import io.archivist.application.port.in.ListRecordsQuery;
import io.archivist.application.port.in.ListRecordsQuery.RecordPage;
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
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/** Create, read, update and list records (SPEC §4); PATCH also archives and restores. */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/records")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "records")
public class RecordController {

    private final RecordUseCase records;
    private final ListRecordsQuery listing;
    private final LifecycleUseCase lifecycle;
    private final Callers callers;
    private final Replies replies;
    private final ListParameters listParameters;

    public RecordController(RecordUseCase records, ListRecordsQuery listing, LifecycleUseCase lifecycle,
                            Callers callers, Replies replies) {
        this.records = records;
        this.listing = listing;
        this.lifecycle = lifecycle;
        this.callers = callers;
        this.replies = replies;
        this.listParameters = new ListParameters();
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a record", description = "201 with the record, its ETag and Location")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateRecordRequest.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecordJson.class)))
    public HttpResponse<String> create(@Body @Nullable byte[] bytes, HttpRequest<?> request,
                                       Authentication authentication) {
        Caller caller = callers.of(authentication);
        String body = JsonBody.utf8(bytes);
        CreateRecordRequest create = CreateRecordRequest.parse(body);
        List<RecordId> parents = create.parents().stream().map(RecordId::parse).toList();
        return replies.mutate(caller, RecordUseCase.PERMISSION, request, body, () -> {
            RecordView view = records.create(new CreateRecordCommand(caller, create.type(),
                    Optional.ofNullable(create.key()), create.attributes(), parents));
            return Reply.record(HttpStatus.CREATED, view)
                    .withHeader(HttpHeaders.LOCATION, "/api/v1/records/" + view.record().id());
        });
    }

    @Get("/{id}")
    @Operation(summary = "A record, archived or not", description = "404 once purged, or in another workspace")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordJson.class)))
    public HttpResponse<RecordJson> get(@PathVariable String id, Authentication authentication) {
        return replies.record(records.get(callers.of(authentication), RecordId.parse(id)));
    }

    @Get
    @Operation(summary = "A keyset page of records",
            description = "archived=false (default) lists active records, true only archived, any both;"
                    + " next_cursor is null on the last page")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Listing.RecordPage.class)))
    public Listing.RecordPage list(@QueryValue @Nullable String type,
                                   @QueryValue @Nullable @Parameter(schema = @Schema(allowableValues = {"false", "true", "any"}))
                                   String archived,
                                   @QueryValue @Nullable @Parameter(description = "only dependents of this record",
                                           schema = @Schema(format = "uuid")) String parent,
                                   @QueryValue @Nullable @Parameter(description = "default 50",
                                           schema = @Schema(type = "integer", minimum = "1", maximum = "500")) String limit,
                                   @QueryValue @Nullable String cursor,
                                   HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.of(authentication);
        ListParameters.Page page = listParameters.parse(request.getParameters(), type, archived, parent, limit, cursor);
        RecordPage found = listing.list(caller, page.filter(), page.limit(), page.cursor());
        return new Listing.RecordPage(found.items().stream().map(RecordJson::of).toList(),
                found.nextCursor().orElse(null));
    }

    @Patch("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Merge attributes, or archive / restore",
            description = "{\"attributes\": {...}} is an RFC 7396 merge patch; archived, is_archived or in_trash set to"
                    + " true archives and to false restores. Honours If-Match.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PatchRecordRequest.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RecordJson.class)))
    public HttpResponse<String> patch(@PathVariable String id, @Body @Nullable byte[] bytes,
                                      @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
                                      HttpRequest<?> request, Authentication authentication) {
        Caller caller = callers.of(authentication);
        RecordId recordId = RecordId.parse(id);
        String body = JsonBody.utf8(bytes);
        PatchRecordRequest patch = PatchRecordRequest.parse(body);
        var expected = Etags.ifMatch(ifMatch);
        // Changing attributes is a record write; setting the archived state is a lifecycle action (SPEC §3).
        var permission = patch.attributes() != null ? RecordUseCase.PERMISSION : LifecycleUseCase.PERMISSION;
        return replies.mutate(caller, permission, request, body, () -> {
            if (patch.attributes() != null) {
                return Reply.record(HttpStatus.OK,
                        records.update(new UpdateRecordCommand(caller, recordId, patch.attributes(), expected)));
            }
            LifecycleResult result = lifecycle.setArchived(new LifecycleCommand(caller, recordId, expected),
                    patch.archivedState().orElseThrow());
            return Reply.record(HttpStatus.OK, result.record().orElseThrow());
        });
    }
}
