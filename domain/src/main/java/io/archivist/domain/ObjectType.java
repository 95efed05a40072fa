package io.archivist.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A type of record (docs/lifecycle.md#concepts). {@code parents} are the types a record of this type may
 * depend on; {@code unique} the attributes whose values are unique among active records.
 */
public record ObjectType(
        String name, boolean archivable, List<String> parents, List<String> unique, Optional<Retention> retention) {

    public static final String USER = "user";
    public static final String USERNAME = "username";
    /** The form of a type name, a slug; the HTTP API's OpenAPI document states it from here. */
    public static final String NAME_FORM = "[a-z][a-z0-9_]{0,62}";

    private static final Pattern SLUG = Pattern.compile(NAME_FORM);

    public ObjectType {
        requireSlug(name, "type name");
        parents = List.copyOf(parents == null ? List.of() : parents);
        unique = List.copyOf(unique == null ? List.of() : unique);
        retention = retention == null ? Optional.empty() : retention;
        parents.forEach(p -> requireSlug(p, "parent type"));
        if (parents.stream().distinct().count() != parents.size()) {
            throw invalid("type '" + name + "' names a parent type twice");
        }
        for (String attribute : unique) {
            if (attribute == null || attribute.isBlank()) {
                throw invalid("type '" + name + "' has a blank unique attribute name");
            }
            if (attribute.length() > Limits.MAX_NAME_LENGTH) {
                throw invalid("type '" + name + "' names a unique attribute '" + Limits.quote(attribute)
                        + "' longer than " + Limits.MAX_NAME_LENGTH + " characters");
            }
        }
        if (unique.stream().distinct().count() != unique.size()) {
            throw invalid("type '" + name + "' names a unique attribute twice");
        }
        if (retention.isPresent() && !archivable) {
            throw invalid("type '" + name + "' has a retention but is not archivable: nothing of it is ever archived");
        }
    }

    /** The built-in type every workspace has: archivable, usernames unique among active users. */
    public static ObjectType user() {
        return new ObjectType(USER, true, List.of(), List.of(USERNAME), Optional.empty());
    }

    public static boolean isSlug(String text) {
        return text != null && SLUG.matcher(text).matches();
    }

    private static void requireSlug(String text, String what) {
        if (!isSlug(text)) {
            throw invalid(what + " '" + Limits.quote(text) + "' must match " + SLUG.pattern());
        }
    }

    private static ArchivistException invalid(String message) {
        return new ArchivistException(ErrorCode.INVALID_OBJECT_TYPE, message);
    }
}
