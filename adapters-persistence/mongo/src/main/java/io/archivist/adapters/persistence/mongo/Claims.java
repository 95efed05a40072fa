package io.archivist.adapters.persistence.mongo;

import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R6 as index entries. A claim is one unique value of one record, as one string that names its
 * workspace, type and attribute, so that equal strings mean the same value in the same type
 * (and a $lookup on the claims field finds its holder). Each record also claims a filler of its
 * own, so that its claims are never empty (an empty or missing array would be one shared key).
 */
final class Claims {

    private static final char SEPARATOR = '\u001f';
    private static final char LENGTH_END = ':';

    private Claims() {}

    /**
     * Workspace ids and type names are slugs, so the separator cannot occur in them; an attribute
     * name can hold any character, so it goes with its length in front: then no two different
     * (attribute, value) pairs make the same claim, whatever characters they hold.
     */
    static String of(WorkspaceId workspace, String type, String attribute, String canonicalValue) {
        return workspace.value() + SEPARATOR + type + SEPARATOR + pair(attribute, canonicalValue);
    }

    /** What every claim of the workspace starts with (fillers do not). */
    static String prefix(WorkspaceId workspace) {
        return workspace.value() + SEPARATOR;
    }

    static String filler(RecordId id) {
        return "#" + id;
    }

    static boolean isFiller(String claim) {
        return claim.startsWith("#");
    }

    /** The claims of a record: its filler first, then one per unique value (attribute → canonical value). */
    static List<String> all(WorkspaceId workspace, String type, RecordId id, Map<String, String> uniqueValues) {
        List<String> claims = new ArrayList<>(uniqueValues.size() + 1);
        claims.add(filler(id));
        uniqueValues.forEach((attribute, value) -> claims.add(of(workspace, type, attribute, value)));
        return claims;
    }

    /** The attribute a claim is about (claims are built by {@link #of}). */
    static String attributeOf(String claim) {
        String[] parts = claim.split(String.valueOf(SEPARATOR), 3);
        if (parts.length < 3 || parts[2].indexOf(LENGTH_END) < 1) {
            return claim;
        }
        String lengthAndRest = parts[2];
        int end = lengthAndRest.indexOf(LENGTH_END);
        int length = Integer.parseInt(lengthAndRest.substring(0, end));
        return lengthAndRest.substring(end + 1, end + 1 + length);
    }

    /** One key per (attribute, value) pair, for the claims of one type; as injective as a claim. */
    static String pair(String attribute, String canonicalValue) {
        return attribute.length() + String.valueOf(LENGTH_END) + attribute + canonicalValue;
    }
}
