package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.RecordId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** R5: a record archived together with the restored one that stays archived, and why. */
@Schema(name = "LeftArchived")
public record LeftArchivedJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type,

        @JsonProperty("archived_parents")
        @Schema(name = "archived_parents", requiredMode = Schema.RequiredMode.REQUIRED)
        List<String> archivedParents,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {

    public static LeftArchivedJson of(LeftArchived left) {
        return new LeftArchivedJson(
                left.id().toString(),
                left.type(),
                left.archivedParents().stream().map(RecordId::toString).toList(),
                left.reason());
    }

    public static List<LeftArchivedJson> all(List<LeftArchived> left) {
        return left.stream().map(LeftArchivedJson::of).toList();
    }
}
