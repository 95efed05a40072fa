package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.application.port.in.OperationQuery;
import io.archivist.application.port.in.OperationQuery.StillArchived;
import io.archivist.domain.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An archive operation on a page of {@code GET /operations?restorable=true}: the operation, with its roots
 * named and what it still holds (the archive, grouped by what was archived together).
 */
@Schema(
        name = "ArchivedOperation",
        example = "{\"id\": \"0190a0d4-0000-7000-8000-00000000000a\", \"kind\": \"archive\", \"actor\": \"jo\","
                + " \"at\": \"2025-01-15T09:00:00Z\", \"roots\": [{\"id\": \"0190a0d4-0000-7000-8000-000000000000\","
                + " \"type\": \"project\", \"key\": \"apollo\", \"title\": \"Apollo\"}],"
                + " \"counts\": {\"project\": 1, \"task\": 4}, \"total\": 5, \"still_archived\": 5,"
                + " \"purge_after\": \"2025-02-14T09:00:00Z\"}")
public record ArchivedOperationJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "archive")
        String kind,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String actor,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time")
        String at,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "of its first " + OperationQuery.NAMED_ROOTS + " roots, those it still holds archived")
        List<NamedRecordJson> roots,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "records it archived, per type")
        Map<String, Long> counts,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "records it archived")
        long total,

        @JsonProperty("still_archived")
        @Schema(
                name = "still_archived",
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "records it still holds archived: what restoring it would look at")
        long stillArchived,

        @JsonProperty("purge_after")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                name = "purge_after",
                format = "date-time",
                description = "R11: when the retention job purges the first of its records; only when a type it"
                        + " archived has a retention")
        String purgeAfter) {

    public static ArchivedOperationJson of(Operation operation, StillArchived archive) {
        return new ArchivedOperationJson(
                operation.id().toString(),
                operation.kind().wireName(),
                operation.actor(),
                operation.at().toString(),
                NamedRecordJson.all(archive.roots()),
                operation.countsPerType().asMap(),
                operation.total(),
                archive.records(),
                archive.purgeAfter().map(Instant::toString).orElse(null));
    }
}
