package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.domain.Blocker;
import io.archivist.domain.Preview;
import io.archivist.domain.RecordId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** R13: what an archive, restore or purge would do; nothing has changed. */
@Schema(name = "Preview")
public record PreviewJson(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"archive", "restore", "purge"})
        String action,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> roots,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "records the action would change, per type")
        Map<String, Long> counts,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long total,

        @JsonProperty("left_archived") @Schema(name = "left_archived", requiredMode = Schema.RequiredMode.REQUIRED)
        List<LeftArchivedJson> leftArchived,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<BlockerJson> blockers,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "true when nothing blocks the action")
        boolean allowed) {

    public static PreviewJson of(Preview preview) {
        return new PreviewJson(
                preview.action().wireName(),
                preview.roots().stream().map(RecordId::toString).toList(),
                preview.countsPerType(),
                preview.total(),
                LeftArchivedJson.all(preview.leftArchived()),
                preview.blockers().stream().map(BlockerJson::of).toList(),
                preview.allowed());
    }

    /** A blocker with its stable code, as the action itself would refuse; its details as extra members. */
    @Schema(
            name = "Blocker",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description =
                    "what would refuse the action, with the code the action would answer; details as extra members")
    public record BlockerJson(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String code,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String detail,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> records,

            @JsonIgnore @Schema(hidden = true) Map<String, Object> details) {

        static BlockerJson of(Blocker blocker) {
            return new BlockerJson(
                    blocker.code().name(),
                    blocker.message(),
                    blocker.records().stream().map(RecordId::toString).toList(),
                    blocker.details());
        }

        @JsonAnyGetter
        Map<String, Object> extensions() {
            return details;
        }
    }
}
