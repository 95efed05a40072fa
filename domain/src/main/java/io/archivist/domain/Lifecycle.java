package io.archivist.domain;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The per-record decisions of docs/lifecycle.md: what a DELETE means, and the preconditions of each action. */
public final class Lifecycle {

    public enum DeleteAction { ARCHIVE, PURGE }

    private Lifecycle() {
    }

    /** R1, R3, R4: archive an active record of an archivable type; otherwise purge. */
    public static DeleteAction onDelete(StoredRecord record, ObjectType type) {
        if (record.archived() || !type.archivable()) {
            return DeleteAction.PURGE;
        }
        return DeleteAction.ARCHIVE;
    }

    public static void requireArchivable(ObjectType type) {
        if (!type.archivable()) {
            throw new ArchivistException(ErrorCode.ARCHIVE_NOT_SUPPORTED,
                    "records of type '" + type.name() + "' cannot be archived; a DELETE removes them permanently");
        }
    }

    /** R5: only an archived record can be restored. */
    public static void requireArchived(StoredRecord record) {
        if (!record.archived()) {
            throw new ArchivistException(ErrorCode.NOT_ARCHIVED, "record " + record.id() + " is not archived",
                    Map.of("record", record.id().toString()));
        }
    }

    /** R9: an archived record is read-only. */
    public static void requireActive(StoredRecord record) {
        if (record.archived()) {
            throw new ArchivistException(ErrorCode.RECORD_ARCHIVED,
                    "record " + record.id() + " is archived and read-only; restore it first",
                    Map.of("record", record.id().toString()));
        }
    }

    /** R10: If-Match names the version the client saw. */
    public static void requireVersion(StoredRecord record, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != record.version()) {
            throw new ArchivistException(ErrorCode.PRECONDITION_FAILED,
                    "record " + record.id() + " is at version " + record.version() + ", not " + expected.getAsLong(),
                    Map.of("current_version", record.version()));
        }
    }

    /**
     * docs/lifecycle.md#concepts: each parent is of a type the child's type allows and in the same workspace.
     * {@code found} are the parents that exist in the workspace; a missing one is named.
     */
    public static void requireAllowedParents(ObjectType type, List<RecordId> requested, List<StoredRecord> found) {
        if (requested.stream().distinct().count() != requested.size()) {
            throw ArchivistException.invalid("a parent is named twice");
        }
        for (RecordId id : requested) {
            StoredRecord parent = found.stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new ArchivistException(ErrorCode.VALIDATION_FAILED,
                            "parent " + id + " does not exist", Map.of("parent", id.toString())));
            if (!type.parents().contains(parent.type())) {
                throw new ArchivistException(ErrorCode.VALIDATION_FAILED, "a record of type '" + type.name()
                        + "' cannot depend on a '" + parent.type() + "' (allowed: " + type.parents() + ")",
                        Map.of("parent", id.toString()));
            }
        }
    }

    /** R9 for a create, R5 for a restore: no parent may be archived. */
    public static void requireParentsActive(RecordId subject, List<StoredRecord> parents) {
        List<RecordId> archived = parents.stream().filter(StoredRecord::archived).map(StoredRecord::id).toList();
        if (!archived.isEmpty()) {
            throw Blocker.parentArchived(subject, archived).toException();
        }
    }
}
