package io.archivist.adapters.rest.http;

import io.archivist.adapters.rest.json.OperationJson;
import io.archivist.adapters.rest.security.Callers;
import io.archivist.application.port.in.OperationQuery;
import io.archivist.domain.OperationId;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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

/** The operation log: admins read every operation of the workspace, others their own. */
// R14: store calls block; off the event loop, so that one workspace's work never holds up another's requests.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/v1/operations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "operations")
public class OperationController {

    private final OperationQuery operations;
    private final Callers callers;

    public OperationController(OperationQuery operations, Callers callers) {
        this.operations = operations;
        this.callers = callers;
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
}
