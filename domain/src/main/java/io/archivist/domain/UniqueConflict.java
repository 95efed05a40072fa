package io.archivist.domain;

/** R6: {@code record} would hold the same value of {@code attribute} as the active {@code holder}. */
public record UniqueConflict(RecordId record, String type, String attribute, RecordId holder) {

    public String message() {
        return "the value of '" + attribute + "' of " + type + " " + record + " is already held by active record "
                + holder;
    }

    public ArchivistException toException() {
        return Blocker.uniqueConflict(this).toException();
    }
}
