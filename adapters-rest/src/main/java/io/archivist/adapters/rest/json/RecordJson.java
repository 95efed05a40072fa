package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.application.port.in.RecordView;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A record as SPEC §1 and §4 show it. */
@Schema(name = "Record")
public record RecordJson(
        String id,
        @Schema(nullable = true, description = "optional external slug, unique per workspace and type") String key,
        String type,
        Map<String, Object> attributes,
        List<String> parents,
        @JsonProperty("deleted_at") @Schema(nullable = true, description = "null while active") String deletedAt,
        boolean archived,
        @JsonProperty("archive_operation") @Schema(nullable = true) String archiveOperation,
        long version,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("updated_by") String updatedBy,
        @JsonProperty("purge_after") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "R11: when the retention job purges this archived record; only for types with a retention")
        String purgeAfter) {

    public static RecordJson of(RecordView view) {
        StoredRecord r = view.record();
        return new RecordJson(r.id().toString(), r.key().orElse(null), r.type(), r.attributes(),
                r.parents().stream().map(RecordId::toString).toList(),
                r.deletedAt().map(Instant::toString).orElse(null), r.archived(),
                r.archiveOperation().map(OperationId::toString).orElse(null), r.version(),
                r.createdAt().toString(), r.updatedAt().toString(), r.createdBy(), r.updatedBy(),
                view.purgeAfter().map(Instant::toString).orElse(null));
    }
}
