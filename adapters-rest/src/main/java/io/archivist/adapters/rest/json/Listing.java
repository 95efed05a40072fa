package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Lists as the API returns them. */
public final class Listing {

    private Listing() {}

    /** A keyset page of records; {@code next_cursor} is null on the last page. */
    @Schema(name = "RecordPage")
    public record RecordPage(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<RecordJson> items,

            @JsonProperty("next_cursor")
            @Schema(
                    name = "next_cursor",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    nullable = true,
                    description = "the cursor of the next page; null on the last")
            String nextCursor) {}

    @Schema(name = "ObjectTypes")
    public record ObjectTypes(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<ObjectTypeJson> items) {}

    /** The operations that touched a record, oldest first. */
    @Schema(name = "History")
    public record History(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<OperationJson> items) {}

    /**
     * A keyset page of the operation log, newest first; {@code next_cursor} is null on the last page. With
     * {@code restorable=true} its items are ArchivedOperations, otherwise Operations.
     */
    @Schema(name = "OperationPage")
    public record OperationPage(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Operations; ArchivedOperations with restorable=true")
            @ArraySchema(schema = @Schema(oneOf = {OperationJson.class, ArchivedOperationJson.class}))
            List<Object> items,

            @JsonProperty("next_cursor")
            @Schema(
                    name = "next_cursor",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    nullable = true,
                    description = "the cursor of the next page; null on the last")
            String nextCursor) {}
}
