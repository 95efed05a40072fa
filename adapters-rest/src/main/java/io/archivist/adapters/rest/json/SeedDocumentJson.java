package io.archivist.adapters.rest.json;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A seed as the OpenAPI document shows it (docs/lifecycle.md#seeds), its members named as in JSON; the seed adapter reads it, streaming, and is the
 * authority on it. Over the API the workspace must be the token's, or be left out.
 */
@Schema(
        name = "Seed",
        description = "A seed: object types and records by key; a record with deleted_at is imported archived.",
        example = "{\"object_types\": [{\"name\": \"journey\", \"archivable\": true, \"unique\": [\"slug\"]},"
                + " {\"name\": \"step\", \"archivable\": true, \"parents\": [\"journey\"]}],"
                + " \"records\": [{\"key\": \"journey-onboarding\", \"type\": \"journey\","
                + " \"attributes\": {\"slug\": \"onboarding\", \"weeks\": 2}},"
                + " {\"key\": \"step-1\", \"type\": \"step\", \"parents\": [\"journey-onboarding\"],"
                + " \"attributes\": {\"title\": \"Week 1\"}, \"deleted_at\": \"2025-01-15T09:00:00Z\"}]}")
public record SeedDocumentJson(
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "the token's workspace, or left out")
        String workspace,

        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        List<ObjectType> object_types,

        @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED))
        List<Item> records) {

    @Schema(name = "SeedObjectType")
    public record ObjectType(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    pattern = "^" + io.archivist.domain.ObjectType.NAME_FORM + "$")
            String name,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "default false")
            boolean archivable,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            List<String> parents,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED)
            List<String> unique,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "ISO-8601 duration, e.g. P30D")
            String retention,

            @Schema(
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                    maxLength = io.archivist.domain.Limits.MAX_NAME_LENGTH,
                    description = "the attribute that names a record for people")
            String title_attribute) {}

    @Schema(name = "SeedRecord")
    public record Item(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String key,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String type,

            @Schema(
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                    type = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    description = "any JSON values by name")
            Map<String, Object> attributes,

            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, description = "keys of the records it depends on")
            List<String> parents,

            @Schema(
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                    format = "date-time",
                    description = "imports the record archived at this time")
            String deleted_at) {}
}
