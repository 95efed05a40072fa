package io.archivist.adapters.rest.json;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** R12: {@code POST /records/bulk/archive|restore|delete}. */
@Schema(name = "BulkRequest", example = "{\"ids\": [\"0190a0d4-0000-7000-8000-000000000000\"], \"atomic\": false}")
public record BulkRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "record ids, up to the configured limit (archivist.lifecycle.max-bulk-ids, 1000)")
        List<String> ids,

        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "all-or-nothing; default false")
        boolean atomic) {

    /** Counts the ids before reading any, so an oversized list is refused before any work (R12). */
    public static BulkRequest parse(String text, int maxIds) {
        JsonBody body = JsonBody.parse(text).allowOnly(Set.of("ids", "atomic"), Set.of());
        ArchivistException tooMany = new ArchivistException(
                ErrorCode.LIMIT_EXCEEDED, "a bulk request takes at most " + maxIds + " ids", Map.of("limit", maxIds));
        List<String> ids = body.texts("ids", maxIds, tooMany)
                .orElseThrow(() -> ArchivistException.invalid("field 'ids' is required"));
        return new BulkRequest(ids, body.bool("atomic").orElse(false));
    }

    public List<RecordId> recordIds() {
        return ids.stream().map(RecordId::parse).toList();
    }
}
