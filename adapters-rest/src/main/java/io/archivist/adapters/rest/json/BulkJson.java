package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.archivist.application.port.in.BulkResult;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** R12: the operations a bulk request ran and each id's own result, in the order of the ids. */
@Schema(name = "BulkResult")
public record BulkJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<OperationJson> operations,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Item> items) {

    public static BulkJson of(BulkResult result) {
        return new BulkJson(
                result.operations().stream().map(OperationJson::of).toList(),
                result.items().stream().map(Item::of).toList());
    }

    @Schema(name = "BulkItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the id as sent")
            String id,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"archived", "restored", "purged", "skipped", "error"})
            String outcome,

            Error error,
            @Schema(description = "why an id was skipped") String reason) {

        static Item of(BulkResult.Item item) {
            boolean failed = item.outcome() == BulkResult.Outcome.ERROR;
            return new Item(
                    item.id().toString(),
                    item.outcome().name().toLowerCase(),
                    failed
                            ? new Error(
                                    item.error().map(Enum::name).orElse("ERROR"),
                                    item.message().orElse(null))
                            : null,
                    failed ? null : item.message().orElse(null));
        }
    }

    /** The stable code and message a single-record request would have answered with. */
    @Schema(
            name = "BulkItemError",
            description =
                    "for outcome error: the code and detail a single-record request" + " would have answered with")
    public record Error(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String code,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true)
            String detail) {}
}
