package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;
import static io.archivist.adapters.persistence.mongo.RecordFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Field;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.MergeOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.archivist.application.port.out.CascadeOutline;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RestoreOutline;
import io.archivist.domain.Blocker;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * R1-R5 as a constant number of commands whatever the size of the subtree. A subtree is one filter,
 * {@code _id in roots or ancestors in roots}, that every command of a cascade reuses:
 * <ul>
 *   <li>archive: count per type, copy the before-images, one updateMany (3 commands);</li>
 *   <li>purge: count per type, copy the before-images, remember ids and types, one deleteMany (4);</li>
 *   <li>restore: see {@link RestoreSet} (at most 4 queries), then count, copy, one updateMany.</li>
 * </ul>
 * The updates are idempotent: a record they changed no longer matches their filter.
 */
public final class MongoCascades implements RecordCascades {

    private final MongoCollection<Document> records;
    private final MongoUnitOfWork unitOfWork;
    private final Shadows shadows;

    MongoCascades(MongoCollection<Document> records, MongoUnitOfWork unitOfWork, Shadows shadows) {
        this.records = records;
        this.unitOfWork = unitOfWork;
        this.shadows = shadows;
    }

    static Bson subtree(Collection<RecordId> roots) {
        List<String> ids = RecordDocuments.ids(roots);
        return Filters.or(Filters.in(ID, ids), Filters.in(ANCESTORS, ids));
    }

    /**
     * R1, R2: the active roots and every active dependent. By I1 every ancestor of an active record is
     * active, so the active records below an active root are exactly those the cascade reaches.
     */
    static Bson archiveSet(WorkspaceId workspace, Collection<RecordId> roots) {
        return MongoRecordStore.in(workspace, Filters.and(Filters.eq(ARCHIVED, false), subtree(roots)));
    }

    /** R3, R4: the roots and every dependent, whatever its state. */
    static Bson purgeSet(WorkspaceId workspace, Collection<RecordId> roots) {
        return MongoRecordStore.in(workspace, subtree(roots));
    }

    boolean reaches(Bson set, RecordId target) {
        return records.find(Filters.and(set, Filters.eq(ID, target.toString())))
                        .projection(Projections.include(ID))
                        .first()
                != null;
    }

    CountsPerType countPerType(Bson set) {
        return Counts.perType(records, set);
    }

    @Override
    public boolean archiveReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target) {
        return reaches(archiveSet(workspace, roots), target);
    }

    @Override
    public boolean purgeReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target) {
        return reaches(purgeSet(workspace, roots), target);
    }

    @Override
    public CascadeOutline outlineArchive(WorkspaceId workspace, Collection<RecordId> roots, int named) {
        Bson set = archiveSet(workspace, roots);
        CountsPerType counts = countPerType(set);
        return new CascadeOutline(counts, Counts.first(records, set, counts.types(), named), Map.of());
    }

    /** The same count as the purge's own gives what each archive operation holds of the set. */
    @Override
    public CascadeOutline outlinePurge(WorkspaceId workspace, Collection<RecordId> roots, int named) {
        Bson set = purgeSet(workspace, roots);
        Counts.ByArchive counted = Counts.perTypeAndArchive(records, set);
        Map<OperationId, Long> largestFirst = new LinkedHashMap<>();
        if (named > 0) {
            counted.perArchive().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(named + (long) roots.size())
                    .forEach(held -> largestFirst.put(
                            OperationId.of(java.util.UUID.fromString(held.getKey())), held.getValue()));
        }
        return new CascadeOutline(
                counted.perType(), Counts.first(records, set, counted.perType().types(), named), largestFirst);
    }

    @Override
    public RestoreOutline outlineRestore(WorkspaceId workspace, RecordId root, int listLimit, int named) {
        return RestoreSet.of(records, workspace, root).outline(listLimit, named);
    }

    @Override
    public CountsPerType archive(Operation operation, long maxRecords) {
        return unitOfWork.inUnit(operation.workspace(), unit -> {
            Bson set = archiveSet(operation.workspace(), operation.roots());
            CountsPerType counts = countPerType(set);
            Blocker.requireCascadeWithin(counts, maxRecords);
            if (counts.isEmpty()) {
                return counts;
            }
            shadows.take(unit, MongoSchema.RECORDS, set);
            records.updateMany(set, lifecycleChange(operation, unit, true));
            unit.held(operation.id().toString(), counts.total());
            return counts;
        });
    }

    @Override
    public CountsPerType purge(Operation operation, long maxRecords) {
        return unitOfWork.inUnit(operation.workspace(), unit -> {
            Bson set = purgeSet(operation.workspace(), operation.roots());
            // One count gives both the counts per type and what each archive operation loses (OperationLog).
            Counts.ByArchive counted = Counts.perTypeAndArchive(records, set);
            CountsPerType counts = counted.perType();
            Blocker.requireCascadeWithin(counts, maxRecords);
            if (counts.isEmpty()) {
                return counts;
            }
            counted.perArchive().forEach((archive, n) -> unit.held(archive, -n));
            shadows.take(unit, MongoSchema.RECORDS, set);
            // The log keeps ids and types of what was purged (and the history of each), never attributes.
            records.aggregate(List.of(
                            Aggregates.match(set),
                            Aggregates.project(Projections.include(WORKSPACE, TYPE, RecordFields.OPERATIONS)),
                            Aggregates.addFields(
                                    new Field<>("purgeOperation", operation.id().toString()),
                                    new Field<>("purgedAt", Date.from(operation.at())),
                                    new Field<>(UNIT, unit.id)),
                            Aggregates.merge(
                                    MongoSchema.PURGED,
                                    new MergeOptions()
                                            .uniqueIdentifier(List.of(WORKSPACE, ID))
                                            .whenMatched(MergeOptions.WhenMatched.REPLACE)
                                            .whenNotMatched(MergeOptions.WhenNotMatched.INSERT))))
                    .toCollection();
            records.deleteMany(set);
            return counts;
        });
    }

    /**
     * What an archive ({@code archive}) or a restore does to each record of its set: archived by the operation
     * or active again, a new version by its actor at its time, the operation added to the record's history, the
     * unit marked (for a rollback). R6: archiving frees the unique values (they leave the unique index and the
     * record's own slot enters it); restoring takes them back.
     */
    private static Bson lifecycleChange(Operation operation, Unit unit, boolean archive) {
        String op = operation.id().toString();
        Date at = Date.from(operation.at());
        return Updates.combine(
                Updates.set(ARCHIVED, archive),
                Updates.set(DELETED_AT, archive ? at : null),
                Updates.set(ARCHIVE_OPERATION, archive ? op : null),
                Updates.set(UPDATED_AT, at),
                Updates.set(UPDATED_BY, operation.actor()),
                Updates.inc(VERSION, 1L),
                archive ? Updates.rename(CLAIMS, IDLE_CLAIMS) : Updates.rename(IDLE_CLAIMS, CLAIMS),
                archive ? Updates.rename(IDLE_SLOT, SLOT) : Updates.rename(SLOT, IDLE_SLOT),
                Updates.addToSet(RecordFields.OPERATIONS, op),
                Updates.set(UNIT, unit.id));
    }

    @Override
    public Restored restore(RecordId root, Operation operation, int listLimit, long maxRecords) {
        return unitOfWork.inUnit(operation.workspace(), unit -> {
            RestoreSet restore = RestoreSet.of(records, operation.workspace(), root);
            restore.conflicts(1).stream().findFirst().ifPresent(conflict -> {
                throw conflict.toException();
            });
            Bson set = restore.restored();
            CountsPerType counts = countPerType(set);
            Blocker.requireCascadeWithin(counts, maxRecords);
            List<LeftArchived> left = restore.leftArchived(listLimit);
            shadows.take(unit, MongoSchema.RECORDS, set);
            try {
                // R6: the values re-enter the unique index; checked just above, refused by the index if raced.
                records.updateMany(set, lifecycleChange(operation, unit, false));
            } catch (RuntimeException e) {
                if (Duplicates.isDuplicate(e)) {
                    throw Blocker.sharedWithinRestore(root).toException();
                }
                throw e;
            }
            unit.held(restore.operation(), -counts.total());
            return new Restored(counts, left);
        });
    }
}
