package io.archivist.adapters.rest.json;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /records/{id}/restore} takes no body, or an empty JSON object: there is nothing to choose. */
@Schema(
        name = "RestoreRequest",
        maxProperties = 0,
        description = "an empty object: a restore has no options",
        example = "{}")
public record RestoreRequest() {}
