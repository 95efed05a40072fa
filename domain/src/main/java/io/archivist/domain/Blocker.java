package io.archivist.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something that stops an archive, restore or purge (R4, R5, R6, R7, R14), with its refusal text, built
 * here once for every module. A preview (R13) lists the blockers of the cascade; the action itself
 * refuses with the first, and changes nothing.
 */
public record Blocker(ErrorCode code, String message, List<RecordId> records, Map<String, Object> details) {

    public Blocker {
        records = List.copyOf(records);
        details = Map.copyOf(details);
    }

    /** R7: the cascade would reach the caller's own user. */
    public static Blocker ownUser(RecordId user) {
        return new Blocker(
                ErrorCode.CANNOT_ARCHIVE_SELF,
                "the cascade reaches your own user " + user + "; you cannot archive or delete yourself",
                List.of(user),
                Map.of("user", user.toString()));
    }

    /** R5: only an archived record can be restored. */
    public static Blocker notArchived(RecordId record) {
        return new Blocker(
                ErrorCode.NOT_ARCHIVED,
                "record " + record + " is not archived",
                List.of(record),
                Map.of("record", record.toString()));
    }

    /** R4: records of a type without archive support cannot be archived, only purged. */
    public static Blocker archiveNotSupported(ObjectType type) {
        return new Blocker(
                ErrorCode.ARCHIVE_NOT_SUPPORTED,
                "records of type '" + type.name() + "' cannot be archived; a DELETE removes them permanently",
                List.of(),
                Map.of());
    }

    /** R5, R9: parents that are archived. */
    public static Blocker parentArchived(RecordId subject, List<RecordId> archivedParents) {
        return new Blocker(
                ErrorCode.PARENT_ARCHIVED,
                "record " + subject + " has archived parents " + archivedParents + "; restore them first",
                archivedParents,
                Map.of(
                        "parents",
                        archivedParents.stream().map(RecordId::toString).toList()));
    }

    /** R6: restoring or writing {@code record} would share a unique value with the active {@code holder}. */
    public static Blocker uniqueConflict(UniqueConflict conflict) {
        return new Blocker(
                ErrorCode.UNIQUE_CONFLICT,
                conflict.message(),
                List.of(conflict.holder()),
                Map.of(
                        "holder",
                        conflict.holder().toString(),
                        "attribute",
                        conflict.attribute(),
                        "record",
                        conflict.record().toString()));
    }

    /**
     * R6: two of the records archived together with {@code root} hold the same unique value (possible once
     * their type gained a unique attribute), so restoring them all would make them share it.
     */
    public static Blocker sharedWithinRestore(RecordId root) {
        return new Blocker(
                ErrorCode.UNIQUE_CONFLICT,
                "restoring " + root + " would make two of the records archived with it share a unique value",
                List.of(root),
                Map.of("record", root.toString()));
    }

    /**
     * R14: a cascade of {@code counts} (per type) over {@code maxRecords} records, refused before it
     * changes anything; empty when within the limit.
     */
    public static Optional<Blocker> overCascadeLimit(CountsPerType counts, long maxRecords) {
        long total = counts.total();
        if (total <= maxRecords) {
            return Optional.empty();
        }
        return Optional.of(new Blocker(
                ErrorCode.LIMIT_EXCEEDED,
                "the cascade would change " + total + " records, more than the " + maxRecords
                        + " one operation may (archivist.lifecycle.max-cascade-records)",
                List.of(),
                Map.of("total", total, "limit", maxRecords)));
    }

    /** Refuses a cascade over the limit (see {@link #overCascadeLimit}). */
    public static void requireCascadeWithin(CountsPerType counts, long maxRecords) {
        overCascadeLimit(counts, maxRecords).ifPresent(blocker -> {
            throw blocker.toException();
        });
    }

    public ArchivistException toException() {
        return new ArchivistException(code, message, details);
    }
}
