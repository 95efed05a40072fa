package io.archivist.application.port.out;

import io.archivist.domain.CountsPerType;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The archive, restore and purge cascades of a workspace, and what they would reach. Set-oriented:
 * each method issues a constant number of statements (or commands) whatever the size of the subtree,
 * and never holds the whole set in memory. They state the rules of {@link io.archivist.domain.CascadePlanner}
 * in the store's own language; the store contract kit holds every store to the planner's answers.
 * Writes are called inside {@link UnitOfWork#write}.
 */
public interface RecordCascades {

    /** R7: whether the archive cascade of {@code roots} (R1) reaches {@code target}. */
    boolean archiveReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target);

    /** R7: whether the purge cascade of {@code roots} (R3) reaches {@code target}. */
    boolean purgeReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target);

    /** R13: counts per type of what {@link #archive} would change. */
    default CountsPerType countArchive(WorkspaceId workspace, Collection<RecordId> roots) {
        return outlineArchive(workspace, roots, 0).countsPerType();
    }

    /** R13: counts per type of what {@link #purge} would remove. */
    default CountsPerType countPurge(WorkspaceId workspace, Collection<RecordId> roots) {
        return outlinePurge(workspace, roots, 0).countsPerType();
    }

    /**
     * R13: what {@link #archive} would change: counts per type and the first {@code named} records of each
     * type (in id order); {@link CascadeOutline#archivedBy()} is empty, as an archive reaches only active
     * records. With {@code named} 0 it costs what counting does.
     */
    CascadeOutline outlineArchive(WorkspaceId workspace, Collection<RecordId> roots, int named);

    /**
     * R13: what {@link #purge} would remove: counts per type, the first {@code named} records of each type,
     * and the archive operations whose records it would remove, with how many each: the largest first, at
     * most {@code named} past those of the roots themselves (which the caller leaves out as its own).
     */
    CascadeOutline outlinePurge(WorkspaceId workspace, Collection<RecordId> roots, int named);

    /**
     * R5, R6: what restoring the archived {@code root} would bring back (counts per type), which
     * co-archived records would stay archived and why (at most {@code listLimit} of them), and the
     * unique conflicts with active records (at most {@code listLimit}).
     */
    default RestoreOutline outlineRestore(WorkspaceId workspace, RecordId root, int listLimit) {
        return outlineRestore(workspace, root, listLimit, 0);
    }

    /**
     * {@link #outlineRestore(WorkspaceId, RecordId, int)}, and the first {@code named} records of each type
     * that would come back (R13, in id order).
     */
    RestoreOutline outlineRestore(WorkspaceId workspace, RecordId root, int listLimit, int named);

    /**
     * R1, R2: archives the active {@code operation.roots()} and every active dependent: deleted_at
     * and updated_at become the operation's time, archive_operation its id, updated_by its actor,
     * version moves on; their unique values are freed. The store remembers which records the
     * operation touched (for history). Returns counts per type. R14: a cascade of more than
     * {@code maxRecords} records is a LIMIT_EXCEEDED (Blocker#requireCascadeWithin) before anything
     * changes, found by the count the store takes anyway, so the limit costs no extra statement.
     */
    CountsPerType archive(Operation operation, long maxRecords);

    /** {@link #archive(Operation, long)} without a limit. */
    default CountsPerType archive(Operation operation) {
        return archive(operation, Long.MAX_VALUE);
    }

    /**
     * R5: restores {@code root} and the set {@link #outlineRestore} describes, re-claiming their unique
     * values (a conflict is a UNIQUE_CONFLICT naming the first one as the outline orders them, and
     * nothing changes), and remembers them under {@code operation}. Returns counts per type and the
     * co-archived records that stayed archived (at most {@code listLimit}), as the outline lists them:
     * one walk of the set serves both, so a restore costs no second walk to say what it left.
     * Over {@code maxRecords} records: LIMIT_EXCEEDED before anything changes, as for {@link #archive}.
     */
    Restored restore(RecordId root, Operation operation, int listLimit, long maxRecords);

    /** {@link #restore(RecordId, Operation, int, long)} without a limit. */
    default Restored restore(RecordId root, Operation operation, int listLimit) {
        return restore(root, operation, listLimit, Long.MAX_VALUE);
    }

    /** What {@link #restore} did. */
    record Restored(CountsPerType countsPerType, List<LeftArchived> leftArchived) {
        public Restored {
            Objects.requireNonNull(countsPerType, "countsPerType");
            leftArchived = List.copyOf(leftArchived);
        }

        /** The JDBC store's cascade queries build their counts as a map (until they build CountsPerType). */
        public Restored(Map<String, Long> countsPerType, List<LeftArchived> leftArchived) {
            this(CountsPerType.of(countsPerType), leftArchived);
        }
    }

    /**
     * R3, R4: removes {@code operation.roots()} and every dependent, whatever its state, from
     * storage; the store remembers their ids and types under the operation. Returns counts per type.
     * Over {@code maxRecords} records: LIMIT_EXCEEDED before anything changes, as for {@link #archive}.
     */
    CountsPerType purge(Operation operation, long maxRecords);

    /** {@link #purge(Operation, long)} without a limit. */
    default CountsPerType purge(Operation operation) {
        return purge(operation, Long.MAX_VALUE);
    }
}
