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
        @Schema(allowableValues = {"archive", "restore", "purge"}) String action,
        List<String> roots,
        Map<String, Long> counts,
        long total,
        @JsonProperty("left_archived") List<LeftArchivedJson> leftArchived,
        List<BlockerJson> blockers,
        @Schema(description = "true when nothing blocks the action") boolean allowed) {

    public static PreviewJson of(Preview preview) {
        return new PreviewJson(preview.action().wireName(),
                preview.roots().stream().map(RecordId::toString).toList(), preview.countsPerType(), preview.total(),
                LeftArchivedJson.all(preview.leftArchived()),
                preview.blockers().stream().map(BlockerJson::of).toList(), preview.allowed());
    }

    /** A blocker with its stable code, as the action itself would refuse; its details as extra members. */
    @Schema(name = "Blocker")
    public record BlockerJson(String code, String detail, List<String> records,
                              @JsonIgnore @Schema(hidden = true) Map<String, Object> details) {

        static BlockerJson of(Blocker blocker) {
            return new BlockerJson(blocker.code().name(), blocker.message(),
                    blocker.records().stream().map(RecordId::toString).toList(), blocker.details());
        }

        @JsonAnyGetter
        Map<String, Object> extensions() {
            return details;
        }
    }
}
