package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Lists as the API returns them. */
public final class Listing {

    private Listing() {
    }

    /** A keyset page of records; {@code next_cursor} is null on the last page. */
    @Schema(name = "RecordPage")
    public record RecordPage(List<RecordJson> items,
                             @JsonProperty("next_cursor") @Schema(nullable = true) String nextCursor) {
    }

    @Schema(name = "ObjectTypes")
    public record ObjectTypes(List<ObjectTypeJson> items) {
    }

    /** The operations that touched a record, oldest first. */
    @Schema(name = "History")
    public record History(List<OperationJson> items) {
    }
}
