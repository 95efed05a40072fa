package io.archivist.adapters.rest.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Limits;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code PUT /object-types/{name}}: the whole definition of a type (docs/lifecycle.md#concepts). */
@Schema(
        name = "DefineObjectType",
        example = "{\"archivable\": true, \"parents\": [\"project\"], \"unique\": [\"slug\"],"
                + " \"retention\": \"P30D\", \"title_attribute\": \"title\"}")
public record DefineTypeRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                nullable = true,
                description = "if given, the same as the path")
        String name,

        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                description = "archive is opt-in per type; default false")
        boolean archivable,

        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                description = "types a record of this type may depend on; each already defined")
        List<String> parents,

        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                description = "attributes unique among active records of the type")
        List<String> unique,

        @Schema(
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                nullable = true,
                description = "ISO-8601 duration after which archived records are purged (R11)")
        String retention,

        @JsonProperty("title_attribute")
        @Schema(
                name = "title_attribute",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED,
                nullable = true,
                maxLength = Limits.MAX_NAME_LENGTH,
                description = "the attribute that names a record for people (its string value is the record's"
                        + " title); none: records are named by their key, else their id")
        String titleAttribute) {

    private static final int MAX_NAMES = 200;

    public static DefineTypeRequest parse(String text) {
        JsonBody body = JsonBody.parse(text)
                .allowOnly(Set.of("name", "archivable", "parents", "unique", "retention", "title_attribute"), Set.of());
        ArchivistException tooMany =
                ArchivistException.invalid("a type names at most " + MAX_NAMES + " parents and unique attributes");
        return new DefineTypeRequest(
                body.text("name").orElse(null),
                body.bool("archivable").orElse(false),
                body.texts("parents", MAX_NAMES, tooMany).orElse(List.of()),
                body.texts("unique", MAX_NAMES, tooMany).orElse(List.of()),
                body.text("retention").orElse(null),
                body.text("title_attribute").orElse(null));
    }

    public ObjectType toType(String pathName) {
        if (name != null && !name.equals(pathName)) {
            throw ArchivistException.invalid("the body names type '" + Limits.quote(name) + "' but the path names '"
                    + Limits.quote(pathName) + "'");
        }
        return new ObjectType(
                pathName,
                archivable,
                parents,
                unique,
                Optional.ofNullable(retention).map(Retention::new),
                Optional.ofNullable(titleAttribute));
    }
}
