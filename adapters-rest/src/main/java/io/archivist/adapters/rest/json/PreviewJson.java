package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.domain.Blocker;
import io.archivist.domain.NamedRecord;
import io.archivist.domain.Preview;
import io.archivist.domain.RecordId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "beside the counts, the first " + Preview.NAMED_PER_TYPE
                        + " records of each type by name, in id order")
        Map<String, List<NamedRecordJson>> named,

        @JsonProperty("left_archived") @Schema(name = "left_archived", requiredMode = Schema.RequiredMode.REQUIRED)
        List<LeftArchivedJson> leftArchived,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<BlockerJson> blockers,

        @JsonProperty("also_destroys")
        @Schema(
                name = "also_destroys",
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "purge only: the other archive operations whose records the purge would destroy too,"
                        + " with how many each; the largest first, at most " + Preview.NAMED_PER_TYPE)
        List<AlsoDestroyedJson> alsoDestroys,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "true when nothing blocks the action")
        boolean allowed) {

    public static PreviewJson of(Preview preview) {
        return new PreviewJson(
                preview.action().wireName(),
                preview.roots().stream().map(RecordId::toString).toList(),
                preview.countsPerType().asMap(),
                preview.total(),
                named(preview.named()),
                LeftArchivedJson.all(preview.leftArchived()),
                preview.blockers().stream().map(BlockerJson::of).toList(),
                preview.alsoDestroys().stream()
                        .map(also -> new AlsoDestroyedJson(also.operation().toString(), also.count()))
                        .toList(),
                preview.allowed());
    }

    private static Map<String, List<NamedRecordJson>> named(Map<String, List<NamedRecord>> byType) {
        Map<String, List<NamedRecordJson>> named = new TreeMap<>();
        byType.forEach((type, records) -> named.put(type, NamedRecordJson.all(records)));
        return named;
    }

    /** R13: records another archive operation holds that a purge would destroy too. */
    @Schema(name = "AlsoDestroyed")
    public record AlsoDestroyedJson(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    format = "uuid",
                    description = "the archive operation that holds them")
            String operation,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long count) {}

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
