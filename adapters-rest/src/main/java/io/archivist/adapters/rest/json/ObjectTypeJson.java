package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An object type (docs/lifecycle.md#concepts). */
@Schema(
        name = "ObjectType",
        example = "{\"name\": \"task\", \"archivable\": true, \"parents\": [\"project\"],"
                + " \"unique\": [\"slug\"], \"retention\": \"P30D\", \"title_attribute\": \"title\"}")
public record ObjectTypeJson(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean archivable,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> parents,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> unique,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                nullable = true,
                description = "ISO-8601 duration, e.g. P30D")
        String retention,

        @JsonProperty("title_attribute")
        @Schema(
                name = "title_attribute",
                requiredMode = Schema.RequiredMode.REQUIRED,
                nullable = true,
                description = "the attribute that names a record for people; records show it as title,"
                        + " else their key, else their id")
        String titleAttribute) {

    public static ObjectTypeJson of(ObjectType type) {
        return new ObjectTypeJson(
                type.name(),
                type.archivable(),
                type.parents(),
                type.unique(),
                type.retention().map(Retention::iso).orElse(null),
                type.titleAttribute().orElse(null));
    }
}
