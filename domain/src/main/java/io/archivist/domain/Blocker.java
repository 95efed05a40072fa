package io.archivist.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something that stops an archive, restore or purge (R5, R6, R7). A preview (R13) lists
 * every blocker; the action itself refuses with the first, and changes nothing.
 */
public record Blocker(ErrorCode code, String message, List<RecordId> records, Map<String, Object> details) {

    public Blocker {
        records = List.copyOf(records);
        details = Map.copyOf(details);
    }

    /** R7: the cascade would reach the caller's own user. */
    public static Blocker ownUser(RecordId user) {
        return new Blocker(ErrorCode.CANNOT_ARCHIVE_SELF,
                "the cascade reaches your own user " + user + "; you cannot archive or delete yourself",
                List.of(user), Map.of("user", user.toString()));
    }

    /** R5, R9: parents that are archived. */
    public static Blocker parentArchived(RecordId subject, List<RecordId> archivedParents) {
        return new Blocker(ErrorCode.PARENT_ARCHIVED,
                "record " + subject + " has archived parents " + archivedParents + "; restore them first",
                archivedParents, Map.of("parents", archivedParents.stream().map(RecordId::toString).toList()));
    }

    /** R6: restoring or writing {@code record} would share a unique value with the active {@code holder}. */
    public static Blocker uniqueConflict(UniqueConflict conflict) {
        return new Blocker(ErrorCode.UNIQUE_CONFLICT, conflict.message(), List.of(conflict.holder()),
                Map.of("holder", conflict.holder().toString(), "attribute", conflict.attribute(),
                        "record", conflict.record().toString()));
    }

    /**
     * R14: a cascade of {@code counts} (per type) over {@code maxRecords} records, refused before it
     * changes anything; empty when within the limit.
     */
    public static Optional<Blocker> overCascadeLimit(Map<String, Long> counts, long maxRecords) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total <= maxRecords) {
            return Optional.empty();
        }
        return Optional.of(new Blocker(ErrorCode.LIMIT_EXCEEDED, "the cascade would change " + total
                + " records, more than the " + maxRecords + " one operation may (archivist.lifecycle.max-cascade-records)",
                List.of(), Map.of("total", total, "limit", maxRecords)));
    }

    /** Refuses a cascade over the limit (see {@link #overCascadeLimit}). */
    public static void requireCascadeWithin(Map<String, Long> counts, long maxRecords) {
        overCascadeLimit(counts, maxRecords).ifPresent(blocker -> {
            throw blocker.toException();
        });
    }

    public ArchivistException toException() {
        return new ArchivistException(code, message, details);
    }
}
