package io.archivist.adapters.rest.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.domain.ErrorCode;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer (RFC 9457) as the OpenAPI document shows it; {@link Problems#document}
 * writes it. A rule's details (the holder of a unique value, the archived parents) are extension members.
 */
@Schema(
        name = "Problem",
        additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        description = "An RFC 9457 problem document with the stable code of the refusal; a rule's details"
                + " (such as the record holding a unique value) are extension members.",
        example = "{\"type\": \"urn:archivist:problem:record-not-found\", \"title\": \"Record not found\","
                + " \"status\": 404, \"detail\": \"no record 0190a0d4-0000-7000-8000-000000000000\","
                + " \"code\": \"RECORD_NOT_FOUND\", \"request_id\": \"4bf92f3577b34da6a3ce929d0e0e4736\"}")
public record ProblemJson(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "urn:archivist:problem:record-not-found",
                description = "urn:archivist:problem: and the code in kebab case")
        String type,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Record not found")
        String title,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "400", maximum = "599", example = "404")
        int status,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "what is wrong, for people")
        String detail,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the stable code a client acts on",
                anyOf = {ErrorCode.class, ProblemErrorResponseProcessor.HttpCode.class})
        String code,

        @JsonProperty("request_id")
        @Schema(
                description = "the id of the request answered, as in its X-Request-Id header and on each of its"
                        + " log lines; a replayed answer (Idempotent-Replayed) keeps the one of the request"
                        + " first answered",
                example = "4bf92f3577b34da6a3ce929d0e0e4736")
        String requestId) {}
