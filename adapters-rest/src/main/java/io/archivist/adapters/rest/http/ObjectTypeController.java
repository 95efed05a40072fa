package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.http.Replies.Reply;
import io.archivist.adapters.rest.json.DefineTypeRequest;
import io.archivist.adapters.rest.json.JsonBody;
import io.archivist.adapters.rest.json.Listing;
import io.archivist.adapters.rest.json.ObjectTypeJson;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.DefineObjectTypeUseCase;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
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

/** The catalog of the caller's workspace (docs/lifecycle.md#concepts); admins define types. */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/object-types")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "object types")
public class ObjectTypeController {

    private final DefineObjectTypeUseCase catalog;
    private final Callers callers;
    private final Replies replies;

    public ObjectTypeController(DefineObjectTypeUseCase catalog, Callers callers, Replies replies) {
        this.catalog = catalog;
        this.callers = callers;
        this.replies = replies;
    }

    @Get
    @Operation(
            operationId = "listObjectTypes",
            summary = "Every type of the workspace, the built-in user type included")
    @ApiResponse(
            responseCode = "200",
            description = "the catalog",
            content = @Content(schema = @Schema(implementation = Listing.ObjectTypes.class)))
    @ApiDoc.Authenticated
    public Listing.ObjectTypes list(Authentication authentication) {
        return new Listing.ObjectTypes(catalog.list(callers.of(authentication)).stream()
                .map(ObjectTypeJson::of)
                .toList());
    }

    @Get("/{name}")
    @Operation(operationId = "getObjectType", summary = "One type")
    @ApiResponse(
            responseCode = "200",
            description = "the type",
            content = @Content(schema = @Schema(implementation = ObjectTypeJson.class)))
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    public ObjectTypeJson get(
            @PathVariable
                    @Parameter(
                            description = "the type's name",
                            schema = @Schema(pattern = "^" + ObjectType.NAME_FORM + "$"))
                    String name,
            Authentication authentication) {
        return ObjectTypeJson.of(catalog.get(callers.of(authentication), name));
    }

    @Put("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "defineObjectType",
            summary = "Define or change a type (admins)",
            description = "Parents must be defined first, the type graph stays acyclic, and every dependent of an"
                    + " archivable type is archivable; a violation is a 422.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DefineTypeRequest.class)))
    @ApiResponse(
            responseCode = "200",
            description = "the type as defined now",
            headers =
                    @Header(
                            name = Replies.REPLAYED,
                            description = ApiDoc.REPLAYED,
                            schema = @Schema(implementation = Boolean.class)),
            content = @Content(schema = @Schema(implementation = ObjectTypeJson.class)))
    @ApiDoc.Idempotent
    @ApiDoc.Authenticated
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.ReadsBody
    @ApiDoc.Unprocessable
    public HttpResponse<String> define(
            @PathVariable
                    @Parameter(
                            description = "the type's name",
                            schema = @Schema(pattern = "^" + ObjectType.NAME_FORM + "$"))
                    String name,
            @Body @Nullable byte[] bytes,
            HttpRequest<?> request,
            Authentication authentication) {
        Caller caller = callers.of(authentication);
        String body = JsonBody.utf8(bytes);
        ObjectType type = DefineTypeRequest.parse(body).toType(name);
        return replies.mutate(
                caller,
                DefineObjectTypeUseCase.PERMISSION,
                request,
                body,
                () -> Reply.ok(ObjectTypeJson.of(catalog.define(caller, type))));
    }
}
