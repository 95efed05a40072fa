package io.archivist.application.port.in.seed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a seed, with the key of its record (when it has one) and where it is:
 * the line, and in a JSON or YAML document the JSON pointer ({@code /records/12}).
 */
public record SeedError(Code code, Optional<String> key, long line, String pointer, String message) {

    /** Stable codes; where an API code fits, it is the same name. */
    public enum Code {
        MALFORMED_SEED,
        WORKSPACE_MISMATCH,
        INVALID_OBJECT_TYPE,
        TYPE_NOT_FOUND,
        VALIDATION_FAILED,
        UNKNOWN_FIELD,
        READ_ONLY_FIELD,
        DUPLICATE_KEY,
        MISSING_PARENT,
        PARENT_LISTED_AFTER,
        CYCLE,
        PARENTS_CHANGED,
        PARENT_ARCHIVED,
        UNIQUE_CONFLICT,
        BAD_DELETED_AT,
        ARCHIVE_NOT_SUPPORTED
    }

    public SeedError {
        Objects.requireNonNull(code, "code");
        key = key == null ? Optional.empty() : key;
        pointer = pointer == null ? "" : pointer;
        Objects.requireNonNull(message, "message");
    }

    /** "line 12 (/records/3)", or "line 12" where the seed has no pointers (JSON Lines). */
    public String where() {
        return "line " + line + (pointer.isEmpty() ? "" : " (" + pointer + ")");
    }

    /** As a problem document lists it (snake_case keys, absent ones left out). */
    public Map<String, Object> toDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", code.name());
        key.ifPresent(k -> details.put("key", k));
        details.put("line", line);
        if (!pointer.isEmpty()) {
            details.put("pointer", pointer);
        }
        details.put("message", message);
        return details;
    }

    @Override
    public String toString() {
        return where() + key.map(k -> " [" + k + "]").orElse("") + " " + code + ": " + message;
    }
}
