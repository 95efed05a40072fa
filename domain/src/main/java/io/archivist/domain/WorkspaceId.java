package io.archivist.domain;

/** The tenant of every record and type; it comes from the caller's token. */
public record WorkspaceId(String value) {

    private static final String FORM = "[A-Za-z0-9][A-Za-z0-9_.-]{0,127}";
    private static final int MAX_LENGTH = 128;

    public WorkspaceId {
        if (!wellFormed(value)) {
            throw ArchivistException.invalid("workspace must match " + FORM + ", got " + value);
        }
    }

    public static WorkspaceId of(String value) {
        return new WorkspaceId(value);
    }

    /**
     * {@link #FORM}, checked by hand: every record and operation a store reads builds a WorkspaceId, and
     * matching a regular expression for each showed in the profile of reading a page.
     */
    private static boolean wellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alphanumeric && (i == 0 || (c != '_' && c != '.' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
