package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.application.port.in.RecordView;
import io.archivist.domain.ObjectType;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A record as docs/lifecycle.md and docs/api.md show it. */
@Schema(
        name = "Record",
        example = "{\"id\": \"0190a0d4-0000-7000-8000-000000000000\", \"key\": \"apollo\", \"type\": \"project\","
                + " \"title\": \"Apollo\","
                + " \"attributes\": {\"name\": \"Apollo\", \"budget\": 12.5, \"tags\": [\"space\"]}, \"parents\": [],"
                + " \"deleted_at\": null, \"archived\": false, \"archive_operation\": null, \"version\": 1,"
                + " \"created_at\": \"2025-01-15T09:00:00Z\", \"updated_at\": \"2025-01-15T09:00:00Z\","
                + " \"created_by\": \"mia\", \"updated_by\": \"mia\"}")
public record RecordJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, accessMode = Schema.AccessMode.READ_ONLY, format = "uuid")
        String id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                nullable = true,
                description = "optional external slug, unique per workspace and type")
        String key,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the object type's name")
        String type,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY,
                maxLength = ObjectType.MAX_TITLE_LENGTH,
                description = "how people name the record: the string value of its type's title_attribute,"
                        + " else its key, else its id (a long value is cut, with an ellipsis)")
        String title,

        @Schema(
                type = "object",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "any JSON values by name")
        Map<String, Object> attributes,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "ids of the records it depends on, fixed at creation")
        List<String> parents,

        @JsonProperty("deleted_at")
        @Schema(
                name = "deleted_at",
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY,
                nullable = true,
                format = "date-time",
                description = "null while active, the archive time once archived")
        String deletedAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY,
                description = "derived from deleted_at")
        boolean archived,

        @JsonProperty("archive_operation")
        @Schema(
                name = "archive_operation",
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY,
                nullable = true,
                format = "uuid",
                description = "the operation that archived it; null while active")
        String archiveOperation,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY,
                description = "incremented by every change; the ETag")
        long version,

        @JsonProperty("created_at")
        @Schema(
                name = "created_at",
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY,
                format = "date-time")
        String createdAt,

        @JsonProperty("updated_at")
        @Schema(
                name = "updated_at",
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY,
                format = "date-time")
        String updatedAt,

        @JsonProperty("created_by")
        @Schema(
                name = "created_by",
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY)
        String createdBy,

        @JsonProperty("updated_by")
        @Schema(
                name = "updated_by",
                requiredMode = Schema.RequiredMode.REQUIRED,
                accessMode = Schema.AccessMode.READ_ONLY)
        String updatedBy,

        @JsonProperty("purge_after")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                name = "purge_after",
                accessMode = Schema.AccessMode.READ_ONLY,
                format = "date-time",
                description =
                        "R11: when the retention job purges this archived record; only for types with a retention")
        String purgeAfter) {

    public static RecordJson of(RecordView view) {
        StoredRecord r = view.record();
        return new RecordJson(
                r.id().toString(),
                r.key().orElse(null),
                r.type(),
                view.title(),
                r.attributes(),
                r.parents().stream().map(RecordId::toString).toList(),
                r.deletedAt().map(Instant::toString).orElse(null),
                r.archived(),
                r.archiveOperation().map(OperationId::toString).orElse(null),
                r.version(),
                r.createdAt().toString(),
                r.updatedAt().toString(),
                r.createdBy(),
                r.updatedBy(),
                view.purgeAfter().map(Instant::toString).orElse(null));
    }
}
