package io.archivist.domain;

import java.util.Locale;

public enum OperationKind {
    ARCHIVE,
    RESTORE,
    PURGE;

    /** Made once: every operation a page shows asks for it. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
