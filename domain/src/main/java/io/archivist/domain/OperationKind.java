package io.archivist.domain;

public enum OperationKind {
    ARCHIVE,
    RESTORE,
    PURGE;

    public String wireName() {
        return name().toLowerCase();
    }
}
