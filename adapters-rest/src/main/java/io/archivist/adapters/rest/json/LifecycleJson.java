package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.application.port.in.LifecycleResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a DELETE or a restore did (R1, R3, R4, R5): {@code archived} with the record, {@code purged}
 * without it, {@code restored} with the record and what stayed archived.
 */
@Schema(
        name = "LifecycleResult",
        description = "archived: operation and record; purged: operation only;"
                + " restored: operation, record and left_archived; unchanged: the state asked for was already there")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleJson(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"archived", "purged", "restored", "unchanged"})
        String outcome,

        OperationJson operation,
        RecordJson record,

        @JsonProperty("left_archived")
        @Schema(
                name = "left_archived",
                description = "restore only: co-archived records" + " that stay archived, and why")
        List<LeftArchivedJson> leftArchived) {

    public static LifecycleJson of(LifecycleResult result) {
        boolean restored = result.outcome() == LifecycleResult.Outcome.RESTORED;
        return new LifecycleJson(
                result.outcome().name().toLowerCase(),
                result.operation().map(OperationJson::of).orElse(null),
                result.record().map(RecordJson::of).orElse(null),
                restored ? LeftArchivedJson.all(result.leftArchived()) : null);
    }
}
