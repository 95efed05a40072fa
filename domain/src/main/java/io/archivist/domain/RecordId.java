package io.archivist.domain;

import java.util.Objects;
import java.util.UUID;

public record RecordId(UUID value) implements Comparable<RecordId> {

    public RecordId {
        Objects.requireNonNull(value, "record id");
    }

    /** Parses a client-supplied id; a malformed one is a VALIDATION_FAILED, never a crash. */
    public static RecordId parse(String text) {
        return Uuids.parse(text)
                .map(RecordId::new)
                .orElseThrow(
                        () -> ArchivistException.invalid("'" + Limits.quote(text) + "' is not a record id (a UUID)"));
    }

    public static RecordId of(UUID value) {
        return new RecordId(value);
    }

    @Override
    public int compareTo(RecordId other) {
        // Keyset order is the unsigned byte order of the UUID, the order databases use.
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0
                ? high
                : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
