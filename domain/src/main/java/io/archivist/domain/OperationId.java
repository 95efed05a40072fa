package io.archivist.domain;

import java.util.Objects;
import java.util.UUID;

public record OperationId(UUID value) {

    public OperationId {
        Objects.requireNonNull(value, "operation id");
    }

    public static OperationId parse(String text) {
        return Uuids.parse(text)
                .map(OperationId::new)
                .orElseThrow(() ->
                        ArchivistException.invalid("'" + Limits.quote(text) + "' is not an operation id (a UUID)"));
    }

    public static OperationId of(UUID value) {
        return new OperationId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
