package io.archivist.domain;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The per-record decisions of docs/lifecycle.md: what an action means for a record in its state, and the
 * preconditions of writing one. Single requests, bulk requests and previews all ask {@link #decide}.
 */
public final class Lifecycle {

    /** What a request asks of one record. */
    public enum Action {
        /** DELETE (R1, R3, R4): archive an active record of an archivable type, otherwise purge. */
        DELETE,
        /** R1 by name (PATCH archived:true, bulk archive, archive preview). */
        ARCHIVE,
        /** R5 by name (POST restore, restore preview): only an archived record can be restored. */
        RESTORE,
        /** R3 by name (purge preview): whatever its state. */
        PURGE;

        /** The action a preview of {@code kind} asks about (R13). */
        public static Action of(OperationKind kind) {
            return switch (kind) {
                case ARCHIVE -> ARCHIVE;
                case RESTORE -> RESTORE;
                case PURGE -> PURGE;
            };
        }
    }

    /** Bulk's reason for an archive of a record that is archived (R12). */
    public static final String ALREADY_ARCHIVED = "already archived";
    /** Bulk's reason for a restore of a record that is active (R12). */
    public static final String NOT_ARCHIVED = "not archived";

    private Lifecycle() {}

    /**
     * What {@code action} does to {@code record} of {@code type}. Archiving an archived record changes
     * nothing (SPEC §4 PATCH, R12 skipped, R13: a preview of it counts nothing); restoring an active one
     * by name is NOT_ARCHIVED (R5); archiving a type without archive support is ARCHIVE_NOT_SUPPORTED (R4).
     */
    public static Decision decide(Action action, StoredRecord record, ObjectType type) {
        return switch (action) {
            case DELETE ->
                new Decision.Act(record.archived() || !type.archivable() ? OperationKind.PURGE : OperationKind.ARCHIVE);
            case ARCHIVE ->
                !type.archivable()
                        ? new Decision.Refuse(Blocker.archiveNotSupported(type))
                        : record.archived()
                                ? new Decision.Unchanged(ALREADY_ARCHIVED)
                                : new Decision.Act(OperationKind.ARCHIVE);
            case RESTORE ->
                record.archived()
                        ? new Decision.Act(OperationKind.RESTORE)
                        : new Decision.Refuse(Blocker.notArchived(record.id()));
            case PURGE -> new Decision.Act(OperationKind.PURGE);
        };
    }

    /**
     * The forms that ask for a state rather than an operation — PATCH {@code archived} (and its spellings)
     * and bulk archive and restore: asking for the state the record already has changes nothing (SPEC §4,
     * R12 {@code skipped}); otherwise as {@link #decide} archives or restores.
     */
    public static Decision decideState(boolean archived, StoredRecord record, ObjectType type) {
        if (!archived && !record.archived()) {
            return new Decision.Unchanged(NOT_ARCHIVED);
        }
        return decide(archived ? Action.ARCHIVE : Action.RESTORE, record, type);
    }

    /** R5, for a store or the planner that meets the record itself: only an archived record can be restored. */
    public static void requireArchived(StoredRecord record) {
        if (!record.archived()) {
            throw Blocker.notArchived(record.id()).toException();
        }
    }

    /** R9: an archived record is read-only. */
    public static void requireActive(StoredRecord record) {
        if (record.archived()) {
            throw ArchivistException.recordArchived(record.id());
        }
    }

    /** R10: If-Match names the version the client saw. */
    public static void requireVersion(StoredRecord record, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != record.version()) {
            throw ArchivistException.staleVersion(record.id(), record.version(), expected.getAsLong());
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
            StoredRecord parent = found.stream()
                    .filter(r -> r.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> ArchivistException.missingParent(id));
            if (!type.parents().contains(parent.type())) {
                throw new ArchivistException(
                        ErrorCode.VALIDATION_FAILED,
                        "a record of type '" + type.name() + "' cannot depend on a '" + parent.type() + "' (allowed: "
                                + type.parents() + ")",
                        Map.of("parent", id.toString()));
            }
        }
    }

    /** R9 for a create, R5 for a restore: no parent may be archived. */
    public static void requireParentsActive(RecordId subject, List<StoredRecord> parents) {
        List<RecordId> archived = parents.stream()
                .filter(StoredRecord::archived)
                .map(StoredRecord::id)
                .toList();
        if (!archived.isEmpty()) {
            throw Blocker.parentArchived(subject, archived).toException();
        }
    }
}
