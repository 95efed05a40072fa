package io.archivist.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A type of record (docs/lifecycle.md#concepts). {@code parents} are the types a record of this type may
 * depend on; {@code unique} the attributes whose values are unique among active records; {@code
 * titleAttribute} the attribute that names a record for people (see {@link #titleOf}).
 */
public record ObjectType(
        String name,
        boolean archivable,
        List<String> parents,
        List<String> unique,
        Optional<Retention> retention,
        Optional<String> titleAttribute) {

    public static final String USER = "user";
    public static final String USERNAME = "username";
    /** The form of a type name, a slug; the HTTP API's OpenAPI document states it from here. */
    public static final String NAME_FORM = "[a-z][a-z0-9_]{0,62}";

    /** The longest title, in characters ({@link Limits#MAX_NAME_LENGTH}, like every name). */
    public static final int MAX_TITLE_LENGTH = Limits.MAX_NAME_LENGTH;

    private static final Pattern SLUG = Pattern.compile(NAME_FORM);

    public ObjectType {
        requireSlug(name, "type name");
        parents = List.copyOf(parents == null ? List.of() : parents);
        unique = List.copyOf(unique == null ? List.of() : unique);
        retention = retention == null ? Optional.empty() : retention;
        titleAttribute = titleAttribute == null ? Optional.empty() : titleAttribute;
        parents.forEach(p -> requireSlug(p, "parent type"));
        if (parents.stream().distinct().count() != parents.size()) {
            throw invalid("type '" + name + "' names a parent type twice");
        }
        for (String attribute : unique) {
            requireAttributeName(name, attribute, "unique attribute");
        }
        titleAttribute.ifPresent(attribute -> requireAttributeName(name, attribute, "title attribute"));
        if (unique.stream().distinct().count() != unique.size()) {
            throw invalid("type '" + name + "' names a unique attribute twice");
        }
        if (retention.isPresent() && !archivable) {
            throw invalid("type '" + name + "' has a retention but is not archivable: nothing of it is ever archived");
        }
    }

    /** A type without a title attribute: its records are named by their key, else their id. */
    public ObjectType(
            String name, boolean archivable, List<String> parents, List<String> unique, Optional<Retention> retention) {
        this(name, archivable, parents, unique, retention, Optional.empty());
    }

    /**
     * The built-in type every workspace has: archivable, usernames unique among active users, and
     * named by the username (which is what a person knows a user by).
     */
    public static ObjectType user() {
        return new ObjectType(USER, true, List.of(), List.of(USERNAME), Optional.empty(), Optional.of(USERNAME));
    }

    /** The same type with {@code attribute} as its title attribute (none if empty). */
    public ObjectType withTitleAttribute(Optional<String> attribute) {
        return new ObjectType(name, archivable, parents, unique, retention, attribute);
    }

    /**
     * How a record of this type is named for people (docs/lifecycle.md#concepts), wherever a person
     * reads it: lists, previews, operations, errors. The value of the title attribute when it is a
     * string that is not blank, else the key, else the id. At most {@value #MAX_TITLE_LENGTH}
     * characters: a title is read in lists of many, so a long value is cut (with an ellipsis) to keep
     * every answer that names records bounded whatever the attributes hold.
     */
    public String titleOf(StoredRecord record) {
        return title(titleAttribute, record);
    }

    /** {@link #titleOf}, for a record whose type has {@code titleAttribute} (the rule's one place). */
    static String title(Optional<String> titleAttribute, StoredRecord record) {
        return titleAttribute
                .map(attribute -> record.attributes().get(attribute))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(text -> !text.isBlank())
                .map(ObjectType::cut)
                .or(record::key)
                .orElseGet(() -> record.id().toString());
    }

    private static String cut(String text) {
        if (text.length() <= MAX_TITLE_LENGTH) {
            return text;
        }
        int end = MAX_TITLE_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    public static boolean isSlug(String text) {
        return text != null && SLUG.matcher(text).matches();
    }

    private static void requireSlug(String text, String what) {
        if (!isSlug(text)) {
            throw invalid(what + " '" + Limits.quote(text) + "' must match " + SLUG.pattern());
        }
    }

    private static void requireAttributeName(String type, String attribute, String what) {
        if (attribute == null || attribute.isBlank()) {
            throw invalid("type '" + type + "' has a blank " + what + " name");
        }
        if (attribute.length() > Limits.MAX_NAME_LENGTH) {
            throw invalid("type '" + type + "' names a " + what + " '" + Limits.quote(attribute) + "' longer than "
                    + Limits.MAX_NAME_LENGTH + " characters");
        }
    }

    private static ArchivistException invalid(String message) {
        return new ArchivistException(ErrorCode.INVALID_OBJECT_TYPE, message);
    }
}
