package io.archivist.domain;

/**
 * The stable error codes of docs/api.md. Each carries the kind of failure it is, so that every
 * adapter (REST, seed CLI) maps it the same way without knowing the individual rules.
 */
public enum ErrorCode {
    RECORD_NOT_FOUND(Kind.NOT_FOUND),
    TYPE_NOT_FOUND(Kind.NOT_FOUND),
    OPERATION_NOT_FOUND(Kind.NOT_FOUND),
    PARENT_ARCHIVED(Kind.CONFLICT),
    NOT_ARCHIVED(Kind.CONFLICT),
    UNIQUE_CONFLICT(Kind.CONFLICT),
    DUPLICATE_KEY(Kind.CONFLICT),
    CANNOT_ARCHIVE_SELF(Kind.CONFLICT),
    RECORD_ARCHIVED(Kind.CONFLICT),
    ARCHIVE_NOT_SUPPORTED(Kind.CONFLICT),
    /** Restoring an operation that is a restore or a purge: only an archive operation can be undone (422). */
    NOT_AN_ARCHIVE_OPERATION(Kind.UNPROCESSABLE),
    /** A request that is malformed or breaks a field rule (400). */
    VALIDATION_FAILED(Kind.INVALID),
    /** A well-formed request that breaks a catalog invariant or an unprocessable value (422). */
    INVALID_OBJECT_TYPE(Kind.UNPROCESSABLE),
    /** Too many ids in a bulk request, or a cascade over the configured limit. */
    LIMIT_EXCEEDED(Kind.UNPROCESSABLE),
    PRECONDITION_FAILED(Kind.PRECONDITION),
    FORBIDDEN(Kind.FORBIDDEN),
    /** R10: an Idempotency-Key sent again with another method, path, query string or body. */
    IDEMPOTENCY_KEY_REUSED(Kind.UNPROCESSABLE),
    /** The store gave up after retrying a serialization failure or deadlock (R8). */
    CONCURRENT_MODIFICATION(Kind.CONFLICT);

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID,
        UNPROCESSABLE,
        PRECONDITION,
        FORBIDDEN
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * R10: an answer that invites the client to try again later is not a first response, so an
     * Idempotency-Key does not keep it; every other refusal is replayed like a success.
     */
    public boolean invitesRetry() {
        return this == CONCURRENT_MODIFICATION;
    }
}
