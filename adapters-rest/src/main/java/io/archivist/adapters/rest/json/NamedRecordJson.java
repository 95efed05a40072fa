package io.archivist.adapters.rest.json;

import io.archivist.domain.NamedRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A record where it is only mentioned (the roots of an operation, R13's previews): what names it for people. */
@Schema(
        name = "NamedRecord",
        example = "{\"id\": \"0190a0d4-0000-7000-8000-000000000000\", \"type\": \"project\", \"key\": \"apollo\","
                + " \"title\": \"Apollo\"}")
public record NamedRecordJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String id,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String type,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true)
        String key,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "its type's title attribute, else its key, else its id")
        String title) {

    public static NamedRecordJson of(NamedRecord named) {
        return new NamedRecordJson(
                named.id().toString(), named.type(), named.key().orElse(null), named.title());
    }

    public static List<NamedRecordJson> all(List<NamedRecord> named) {
        return named.stream().map(NamedRecordJson::of).toList();
    }
}
