package io.archivist.adapters.rest.json;

import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** One archive, restore or purge (SPEC §1), with what it changed per type. */
@Schema(name = "Operation")
public record OperationJson(
        String id,
        @Schema(allowableValues = {"archive", "restore", "purge"}) String kind,
        @Schema(description = "the token's sub, or system (retention job), or seed") String actor,
        String at,
        List<String> roots,
        @Schema(description = "records changed, per type") Map<String, Long> counts,
        long total) {

    public static OperationJson of(Operation operation) {
        return new OperationJson(operation.id().toString(), operation.kind().wireName(), operation.actor(),
                operation.at().toString(), operation.roots().stream().map(RecordId::toString).toList(),
                operation.countsPerType(), operation.total());
    }
}
