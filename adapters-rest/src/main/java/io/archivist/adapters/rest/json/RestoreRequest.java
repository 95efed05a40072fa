package io.archivist.adapters.rest.json;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/**
 * {@code POST /records/{id}/restore} and {@code POST /operations/{id}/restore} take no body, or an empty JSON
 * object: there is nothing to choose.
 */
@Schema(
        name = "RestoreRequest",
        maxProperties = 0,
        description = "an empty object: a restore has no options",
        example = "{}")
public record RestoreRequest() {

    /** The body of a restore as text (null when there is none), refused unless it is empty or {@code {}}. */
    public static String emptyBody(byte[] bytes) {
        String body = JsonBody.utf8(bytes);
        if (body != null && !body.isBlank()) {
            JsonBody.parse(body).allowOnly(Set.of(), Set.of());
        }
        return body;
    }
}
