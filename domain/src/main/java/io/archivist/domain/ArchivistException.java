package io.archivist.domain;

import java.util.Map;

/**
 * A rule (docs/lifecycle.md) refused an action. Nothing has changed when this is thrown.
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
}
