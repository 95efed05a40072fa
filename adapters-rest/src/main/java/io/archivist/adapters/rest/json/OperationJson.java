package io.archivist.adapters.rest.json;

import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** One archive, restore or purge (docs/lifecycle.md#concepts), with what it changed per type. */
@Schema(
        name = "Operation",
        example = "{\"id\": \"0190a0d4-0000-7000-8000-00000000000a\", \"kind\": \"archive\","
                + " \"actor\": \"jo\", \"at\": \"2025-01-15T09:00:00Z\", \"roots\": [\"0190a0d4-0000-7000-8000-000000000000\"],"
                + " \"counts\": {\"project\": 1, \"task\": 4}, \"total\": 5}")
public record OperationJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, accessMode = Schema.AccessMode.READ_ONLY, format = "uuid")
        String id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"archive", "restore", "purge"})
        String kind,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the token's sub, or system (retention job), or seed")
        String actor,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time")
        String at,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the records the operation was asked for")
        List<String> roots,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "records changed, per type")
        Map<String, Long> counts,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "records changed")
        long total) {

    public static OperationJson of(Operation operation) {
        return new OperationJson(
                operation.id().toString(),
                operation.kind().wireName(),
                operation.actor(),
                operation.at().toString(),
                operation.roots().stream().map(RecordId::toString).toList(),
                operation.countsPerType().asMap(),
                operation.total());
    }
}
