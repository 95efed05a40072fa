package io.archivist.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a keyset page starts: after the record with this id and, in the newest-archived-first
 * order, this {@code deleted_at} (see {@link RecordFilter#after}). The record itself need not exist
 * any more: a page goes on from where the last one ended.
 */
public record PagePosition(RecordId id, Optional<Instant> deletedAt) {

    public PagePosition {
        Objects.requireNonNull(id, "id");
        deletedAt = deletedAt == null ? Optional.empty() : deletedAt;
    }

    /** A position in id order. */
    public static PagePosition of(RecordId id) {
        return new PagePosition(id, Optional.empty());
    }

    /** The position just after {@code last}, in {@code order}. */
    public static PagePosition after(StoredRecord last, RecordFilter.Sort order) {
        return order == RecordFilter.Sort.ID ? of(last.id()) : new PagePosition(last.id(), last.deletedAt());
    }
}
