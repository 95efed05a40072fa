package io.archivist.domain;

import java.util.Map;

/**
 * A rule (docs/lifecycle.md) refused an action. Nothing has changed when this is thrown. The factories
 * here and on {@link Blocker} build each refusal and its text once, for the services and the stores alike.
 * {@code details} holds what a client needs to act on it (the holder of a unique value,
 * the archived parents), with snake_case keys as they appear in a problem document.
 */
public class ArchivistException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ArchivistException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ArchivistException(ErrorCode code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static ArchivistException notFound(RecordId id) {
        return new ArchivistException(ErrorCode.RECORD_NOT_FOUND, "record " + id + " does not exist");
    }

    public static ArchivistException invalid(String message) {
        return new ArchivistException(ErrorCode.VALIDATION_FAILED, message);
    }

    /** docs/lifecycle.md#concepts: a parent must exist in the record's workspace. */
    public static ArchivistException missingParent(RecordId parent) {
        return new ArchivistException(
                ErrorCode.VALIDATION_FAILED,
                "parent " + parent + " does not exist",
                Map.of("parent", parent.toString()));
    }

    /** R6: a key is unique among all records of its type, archived too; {@code holder} has it. */
    public static ArchivistException duplicateKey(String type, String key, RecordId holder) {
        return new ArchivistException(
                ErrorCode.DUPLICATE_KEY,
                "a " + type + " with key '" + key + "' exists already: " + holder,
                Map.of("holder", holder.toString()));
    }

    /** R9: an archived record is read-only. */
    public static ArchivistException recordArchived(RecordId record) {
        return new ArchivistException(
                ErrorCode.RECORD_ARCHIVED,
                "record " + record + " is archived and read-only; restore it first",
                Map.of("record", record.toString()));
    }

    /** R10: the record is at {@code current}, not at the {@code expected} version the client saw. */
    public static ArchivistException staleVersion(RecordId record, long current, long expected) {
        return new ArchivistException(
                ErrorCode.PRECONDITION_FAILED,
                "record " + record + " is at version " + current + ", not " + expected,
                Map.of("current_version", current));
    }
}
