package io.archivist.adapters.rest.json;

import io.archivist.domain.ArchivistException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PATCH /records/{id}}: an RFC 7396 merge patch of the attributes, or a change of the
 * archived state under any of its three names (ours, Notion's {@code is_archived}/{@code archived},
 * Attio's {@code in_trash}). Both at once are refused: they are two actions, and each must be atomic.
 */
@Schema(
        name = "PatchRecord",
        description = "attributes to merge, or the archived state under one of its names;" + " not both",
        example = "{\"attributes\": {\"name\": \"Apollo 11\", \"budget\": null}}")
public record PatchRecordRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                type = "object",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                nullable = true,
                description = "an RFC 7396 merge patch of the attributes: a null removes one")
        Map<String, Object> attributes,

        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                nullable = true,
                description = "true archives, false restores")
        Boolean archived,

        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true, description = "same as archived")
        Boolean is_archived,

        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED, nullable = true, description = "same as archived")
        Boolean in_trash) {

    private static final Set<String> FLAGS = Set.of("archived", "is_archived", "in_trash");

    public static PatchRecordRequest parse(String text) {
        JsonBody body = JsonBody.parse(text)
                .allowOnly(
                        Set.of("attributes", "archived", "is_archived", "in_trash"), Set.of("type", "key", "parents"));
        PatchRecordRequest request = new PatchRecordRequest(
                body.object("attributes").orElse(null),
                body.bool("archived").orElse(null),
                body.bool("is_archived").orElse(null),
                body.bool("in_trash").orElse(null));
        Optional<Boolean> state = request.archivedState();
        if (request.attributes() == null && state.isEmpty()) {
            throw ArchivistException.invalid("a PATCH names 'attributes' to merge, or one of "
                    + FLAGS.stream().sorted().toList());
        }
        if (request.attributes() != null && state.isPresent()) {
            throw ArchivistException.invalid("change the attributes and the archived state in two requests:"
                    + " an archived record is read-only");
        }
        return request;
    }

    /** The state asked for, whichever name carried it; names that disagree are refused. */
    public Optional<Boolean> archivedState() {
        Boolean state = null;
        for (Boolean flag : new Boolean[] {archived, is_archived, in_trash}) {
            if (flag != null) {
                if (state != null && !state.equals(flag)) {
                    throw ArchivistException.invalid("'archived', 'is_archived' and 'in_trash' disagree");
                }
                state = flag;
            }
        }
        return Optional.ofNullable(state);
    }
}
