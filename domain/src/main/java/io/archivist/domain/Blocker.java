package io.archivist.domain;

import java.util.List;
import java.util.Map;

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

    public ArchivistException toException() {
        return new ArchivistException(code, message, details);
    }
}
