package io.archivist.domain;

import java.util.Objects;
import java.util.UUID;

public record OperationId(UUID value) {

    public OperationId {
        Objects.requireNonNull(value, "operation id");
    }

    public static OperationId parse(String text) {
        try {
            if (text == null || text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return new OperationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw ArchivistException.invalid("'" + text + "' is not an operation id (a UUID)");
        }
    }

    public static OperationId of(UUID value) {
        return new OperationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
