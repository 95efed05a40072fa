package io.archivist.domain;

import java.util.regex.Pattern;

/** The tenant of every record and type; it comes from the caller's token. */
public record WorkspaceId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    public WorkspaceId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw ArchivistException.invalid("workspace must match " + FORM.pattern() + ", got " + value);
        }
    }

    public static WorkspaceId of(String value) {
        return new WorkspaceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
