package io.archivist.application.port.out;

import io.archivist.domain.LeftArchived;
import io.archivist.domain.Limits;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of every workspace. Every method is scoped to one workspace and sees nothing of
 * another. The cascade methods are set-oriented: each issues a constant number of statements
 * (or commands) whatever the size of the subtree, and never holds the whole set in memory.
 * They state the rules of {@link io.archivist.domain.CascadePlanner} in the store's own
 * language; the store contract kit holds every store to the planner's answers.
 * Writes are called inside {@link UnitOfWork#write}.
 */
public interface RecordStore {

    Optional<StoredRecord> find(WorkspaceId workspace, RecordId id);

    /** The records among {@code ids} that exist in the workspace, in any order. */
    List<StoredRecord> findAll(WorkspaceId workspace, Collection<RecordId> ids);

    Optional<StoredRecord> findByKey(WorkspaceId workspace, String type, String key);

    /** R6: the active record of {@code type} holding {@code canonicalValue} (see UniqueValues) for {@code attribute}. */
    Optional<RecordId> activeHolder(WorkspaceId workspace, String type, String attribute, String canonicalValue);

    /** A keyset page: records matching {@code filter} with an id after {@code after}, in id order. */
    List<StoredRecord> page(WorkspaceId workspace, RecordFilter filter, Optional<RecordId> after, int limit);

    /**
     * R14: a listing's page, at most {@code limit} records and, past its first record, at most
     * {@code maxBytes} of attributes (their JSON text's length, see {@link Limits#jsonLength}): a page
     * cut short by its bytes has {@code more}, so that the client gets a cursor. A store overrides this
     * to stop reading at the budget; this default reads {@code limit + 1} records and cuts them.
     */
    default Page pageWithin(WorkspaceId workspace, RecordFilter filter, Optional<RecordId> after, int limit,
                            long maxBytes) {
        return Page.cut(page(workspace, filter, after, limit + 1), limit, maxBytes);
    }

    /** A page of {@link #pageWithin}; {@code more} when records follow it. */
    record Page(List<StoredRecord> records, boolean more) {
        public Page {
            records = List.copyOf(records);
        }

        /** The first of {@code found} that fit {@code limit} and {@code maxBytes} (the first always does). */
        public static Page cut(List<StoredRecord> found, int limit, long maxBytes) {
            long bytes = 0;
            int taken = 0;
            while (taken < Math.min(limit, found.size())) {
                bytes += Limits.jsonLength(found.get(taken).attributes());
                if (taken > 0 && bytes > maxBytes) {
                    break;
                }
                taken++;
            }
            return new Page(found.subList(0, taken), taken < found.size());
        }
    }

    /**
     * Inserts a new active record holding {@code uniqueValues} (attribute → canonical value).
     * The store itself refuses, atomically with concurrent writers, a second record with the
     * same key in the type (DUPLICATE_KEY) or an active record sharing a unique value (UNIQUE_CONFLICT).
     */
    void insert(StoredRecord record, Map<String, String> uniqueValues);

    /**
     * Replaces the attributes of an active record; {@code updated.version()} is one past the
     * version it replaces, and a stale one is a PRECONDITION_FAILED. Unique values as for insert.
     */
    void update(StoredRecord updated, Map<String, String> uniqueValues);

    /**
     * Seeds: inserts a batch of records in one round trip, with the same refusals as {@link #insert}.
     * A record of the batch may be archived already (deleted_at and archive_operation set): it claims
     * no unique value, and the store remembers it as touched by its archive operation (for history).
     */
    void insertAll(List<RecordWithUniqueValues> batch);

    /** Seeds: replaces the attributes of a batch of active records in one round trip, as {@link #update} does one. */
    void updateAll(List<RecordWithUniqueValues> batch);

    /** A record with the canonical values of its type's unique attributes (see UniqueValues). */
    record RecordWithUniqueValues(StoredRecord record, Map<String, String> uniqueValues) {
        public RecordWithUniqueValues {
            uniqueValues = Map.copyOf(uniqueValues);
        }
    }

    /** R7: whether the archive cascade of {@code roots} (R1) reaches {@code target}. */
    boolean archiveReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target);

    /** R7: whether the purge cascade of {@code roots} (R3) reaches {@code target}. */
    boolean purgeReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target);

    /** R13: counts per type of what {@link #archive} would change. */
    Map<String, Long> countArchive(WorkspaceId workspace, Collection<RecordId> roots);

    /** R13: counts per type of what {@link #purge} would remove. */
    Map<String, Long> countPurge(WorkspaceId workspace, Collection<RecordId> roots);

    /**
     * R5, R6: what restoring the archived {@code root} would bring back (counts per type), which
     * co-archived records would stay archived and why (at most {@code listLimit} of them), and the
     * unique conflicts with active records (at most {@code listLimit}).
     */
    RestoreOutline outlineRestore(WorkspaceId workspace, RecordId root, int listLimit);

    /**
     * R1, R2: archives the active {@code operation.roots()} and every active dependent: deleted_at
     * and updated_at become the operation's time, archive_operation its id, updated_by its actor,
     * version moves on; their unique values are freed. The store remembers which records the
     * operation touched (for history). Returns counts per type. R14: a cascade of more than
     * {@code maxRecords} records is a LIMIT_EXCEEDED (Blocker#requireCascadeWithin) before anything
     * changes, found by the count the store takes anyway, so the limit costs no extra statement.
     */
    Map<String, Long> archive(Operation operation, long maxRecords);

    /** {@link #archive(Operation, long)} without a limit. */
    default Map<String, Long> archive(Operation operation) {
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
    record Restored(Map<String, Long> countsPerType, List<LeftArchived> leftArchived) {
        public Restored {
            countsPerType = Map.copyOf(countsPerType);
            leftArchived = List.copyOf(leftArchived);
        }
    }

    /**
     * R3, R4: removes {@code operation.roots()} and every dependent, whatever its state, from
     * storage; the store remembers their ids and types under the operation. Returns counts per type.
     * Over {@code maxRecords} records: LIMIT_EXCEEDED before anything changes, as for {@link #archive}.
     */
    Map<String, Long> purge(Operation operation, long maxRecords);

    /** {@link #purge(Operation, long)} without a limit. */
    default Map<String, Long> purge(Operation operation) {
        return purge(operation, Long.MAX_VALUE);
    }

    /** R11: archived records of {@code type} archived at or before {@code cutoff}, at most {@code limit}. */
    List<RecordId> archivedBefore(WorkspaceId workspace, String type, Instant cutoff, int limit);

    /**
     * The unique attributes of {@code type} changed: recompute the unique values every record of it
     * holds (UniqueValues), refusing with UNIQUE_CONFLICT, and changing nothing, when two active
     * records would share one.
     */
    void reindexUnique(WorkspaceId workspace, ObjectType type);
}
