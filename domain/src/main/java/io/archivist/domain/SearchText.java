package io.archivist.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code q} searches (docs/api.md#finding): a record's key and the values of its attributes that
 * are strings (at the attributes' top level), ignoring case. Every store keeps this text beside the
 * record, written from here, and looks for the query's {@link #needle} in it as a plain substring; so
 * "ignoring case" means the same on every store (Java's lower case, whatever the database's
 * collation), and no value is ever taken for a pattern.
 */
public final class SearchText {

    /** The longest {@code q}, in characters, like every name. */
    public static final int MAX_QUERY_LENGTH = Limits.MAX_NAME_LENGTH;

    /**
     * Between the parts of the text: a control character, which a query may not hold, so that no
     * query matches across the end of one value and the start of the next.
     */
    static final char SEPARATOR = '\u001f';

    private SearchText() {}

    /** The searchable text of a record with this key and these attributes. */
    public static String of(Optional<String> key, Map<String, Object> attributes) {
        StringBuilder text = new StringBuilder();
        key.ifPresent(k -> text.append(lower(k)));
        for (Object value : attributes.values()) {
            if (value instanceof String string) {
                text.append(SEPARATOR).append(lower(string));
            }
        }
        return text.toString();
    }

    /** The text a store looks for: the query, lower-cased as {@link #of} lower-cases what it searches. */
    public static String needle(String q) {
        return lower(q);
    }

    /** {@code q} as a client may send it: 1 to 255 characters, no control characters (VALIDATION_FAILED). */
    static void requireQuery(String q) {
        if (q.isEmpty()) {
            throw ArchivistException.invalid("q must hold some text");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ArchivistException.invalid(
                    "q is longer than " + MAX_QUERY_LENGTH + " characters (" + q.length() + ")");
        }
        Limits.text(q, "q");
        if (q.chars().anyMatch(Character::isISOControl)) {
            throw ArchivistException.invalid("q holds a control character");
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
