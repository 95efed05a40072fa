package io.archivist.adapters.rest.json;

import io.archivist.domain.ArchivistException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /records}: a new active record. */
@Schema(
        name = "CreateRecord",
        example = "{\"type\": \"project\", \"key\": \"apollo\","
                + " \"attributes\": {\"name\": \"Apollo\", \"budget\": 12.5, \"active\": true, \"tags\": [\"space\"],"
                + " \"owner\": {\"team\": 7}}, \"parents\": []}")
public record CreateRecordRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the object type's name")
        String type,

        @Schema(nullable = true, description = "optional external slug, unique per workspace and type")
        String key,

        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                type = "object",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                description = "any JSON values by name; default {}")
        Map<String, Object> attributes,

        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                description = "ids (UUIDs) of the records it depends on, fixed at creation")
        List<String> parents) {

    /** More parents than any sane graph needs is refused before any is looked up. */
    public static final int MAX_PARENTS = 1000;

    public static CreateRecordRequest parse(String text) {
        JsonBody body = JsonBody.parse(text)
                .allowOnly(
                        Set.of("type", "key", "attributes", "parents"), Set.of("archived", "is_archived", "in_trash"));
        String type = body.text("type").orElseThrow(() -> ArchivistException.invalid("field 'type' is required"));
        return new CreateRecordRequest(
                type,
                body.text("key").orElse(null),
                body.object("attributes").orElse(Map.of()),
                body.texts(
                                "parents",
                                MAX_PARENTS,
                                ArchivistException.invalid("a record has at most " + MAX_PARENTS + " parents"))
                        .orElse(List.of()));
    }
}
