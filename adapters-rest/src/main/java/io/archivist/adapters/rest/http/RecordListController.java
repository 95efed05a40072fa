package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.json.Listing;
import io.archivist.adapters.rest.json.RecordJson;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.ListRecordsQuery;
import io.archivist.application.port.in.ListRecordsQuery.RecordPage;
import io.archivist.domain.Caller;
import io.archivist.domain.Limits;
import io.archivist.domain.ObjectType;
import io.archivist.domain.SearchText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

/** {@code GET /records}: pages of records, found by type, state, parent, key, text and archive (docs/api.md#finding). */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/records")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "records")
public class RecordListController {

    private static final String NEEDS_ARCHIVED = " Only with archived=true (a 400 otherwise).";

    private final ListRecordsQuery listing;
    private final Callers callers;
    private final ListParameters listParameters;

    public RecordListController(ListRecordsQuery listing, Callers callers) {
        this.listing = listing;
        this.callers = callers;
        this.listParameters = new ListParameters();
    }

    @Get
    @Operation(
            operationId = "listRecords",
            summary = "A keyset page of records, filtered and sorted",
            description = "archived=false (default) lists active records, true only archived, any both."
                    + " Every filter narrows the page and pages with next_cursor, which is null on the last page;"
                    + " a cursor works only with the filter and sort it was given for (a 400 otherwise).")
    @ApiResponse(
            responseCode = "200",
            description = "a page of records",
            content = @Content(schema = @Schema(implementation = Listing.RecordPage.class)))
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    public Listing.RecordPage list(
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "only records of this type (404 if it is not defined)",
                            schema = @Schema(pattern = "^" + ObjectType.NAME_FORM + "$"))
                    String type,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "false: active only; true: archived only; any: both",
                            schema =
                                    @Schema(
                                            allowableValues = {"false", "true", "any"},
                                            defaultValue = "false"))
                    String archived,
            @QueryValue
                    @Nullable
                    @Parameter(description = "only dependents of this record", schema = @Schema(format = "uuid"))
                    String parent,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "records per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "50"))
                    String limit,
            @QueryValue @Nullable @Parameter(description = "the next_cursor of the page before") String cursor,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "only the record(s) with this key (exact; one per type)",
                            schema = @Schema(maxLength = Limits.MAX_NAME_LENGTH))
                    String key,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "text found, ignoring case, in the key or in a string attribute (at the"
                                    + " attributes' top level); no control characters",
                            schema = @Schema(minLength = 1, maxLength = SearchText.MAX_QUERY_LENGTH))
                    String q,
            @QueryValue("archived_by")
                    @Nullable
                    @Parameter(
                            name = "archived_by",
                            description = "only records whose archive operation this actor (a sub, system or seed) ran."
                                    + NEEDS_ARCHIVED,
                            schema = @Schema(minLength = 1, maxLength = Limits.MAX_NAME_LENGTH))
                    String archivedBy,
            @QueryValue("archived_after")
                    @Nullable
                    @Parameter(
                            name = "archived_after",
                            description = "only records archived at or after this RFC 3339 time." + NEEDS_ARCHIVED,
                            schema = @Schema(format = "date-time"))
                    String archivedAfter,
            @QueryValue("archived_before")
                    @Nullable
                    @Parameter(
                            name = "archived_before",
                            description = "only records archived strictly before this RFC 3339 time." + NEEDS_ARCHIVED,
                            schema = @Schema(format = "date-time"))
                    String archivedBefore,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "only the records this archive operation archived and that are still"
                                    + " archived by it." + NEEDS_ARCHIVED,
                            schema = @Schema(format = "uuid"))
                    String operation,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "id (default), or -deleted_at: newest archived first, then id descending."
                                    + " -deleted_at only with archived=true (a 400 otherwise)",
                            schema =
                                    @Schema(
                                            allowableValues = {"id", "-deleted_at"},
                                            defaultValue = "id"))
                    String sort,
            HttpRequest<?> request,
            Authentication authentication) {
        Caller caller = callers.of(authentication);
        ListParameters.Page page = listParameters.parse(
                request.getParameters(),
                new ListParameters.Query(
                        type,
                        archived,
                        parent,
                        limit,
                        cursor,
                        key,
                        q,
                        archivedBy,
                        archivedAfter,
                        archivedBefore,
                        operation,
                        sort));
        RecordPage found = listing.list(caller, page.filter(), page.limit(), page.cursor());
        return new Listing.RecordPage(
                found.items().stream().map(RecordJson::of).toList(),
                found.nextCursor().orElse(null));
    }
}
