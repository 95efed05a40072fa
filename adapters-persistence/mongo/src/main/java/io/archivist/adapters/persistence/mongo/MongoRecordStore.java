package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;
import static io.archivist.adapters.persistence.mongo.RecordFields.*;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Limits;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads and writes of single records on MongoDB; the cascades are {@link MongoCascades}, the batches of
 * seeds {@link RecordBatches} (which shares this store's refusals). Every write runs in the caller's unit of work
 * ({@link MongoUnitOfWork}), which makes a refused or failed unit change nothing.
 */
public final class MongoRecordStore implements RecordReads, RecordWrites {

    private final MongoCollection<Document> records;
    private final MongoUnitOfWork unitOfWork;
    private final Shadows shadows;
    private final Ancestry ancestry;
    private final RecordBatches batches;

    MongoRecordStore(
            MongoCollection<Document> records,
            MongoCollection<Document> operations,
            MongoUnitOfWork unitOfWork,
            Shadows shadows,
            MongoStoreSettings settings) {
        this.records = records;
        this.unitOfWork = unitOfWork;
        this.shadows = shadows;
        this.ancestry = new Ancestry(records, settings.maxAncestors());
        this.batches = new RecordBatches(this, records, operations, unitOfWork, shadows, ancestry);
    }

    static Bson in(WorkspaceId workspace, Bson filter) {
        return Filters.and(Filters.eq(WORKSPACE, workspace.value()), filter);
    }

    @Override
    public Optional<StoredRecord> find(WorkspaceId workspace, RecordId id) {
        return Optional.ofNullable(records.find(in(workspace, Filters.eq(ID, id.toString())))
                        .projection(RecordDocuments.READ_FIELDS)
                        .first())
                .map(RecordDocuments::fromDocument);
    }

    @Override
    public List<StoredRecord> findAll(WorkspaceId workspace, Collection<RecordId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return read(records.find(in(workspace, Filters.in(ID, RecordDocuments.ids(ids)))));
    }

    @Override
    public Optional<StoredRecord> findByKey(WorkspaceId workspace, String type, String key) {
        return Optional.ofNullable(records.find(
                                in(workspace, Filters.and(Filters.eq(TYPE, type), Filters.eq(KEY_SLOT, "k:" + key))))
                        .projection(RecordDocuments.READ_FIELDS)
                        .first())
                .map(RecordDocuments::fromDocument);
    }

    @Override
    public Optional<RecordId> activeHolder(
            WorkspaceId workspace, String type, String attribute, String canonicalValue) {
        Document holder = records.find(
                        in(workspace, Filters.eq(CLAIMS, Claims.of(workspace, type, attribute, canonicalValue))))
                .projection(Projections.include(ID))
                .first();
        return Optional.ofNullable(holder).map(found -> RecordDocuments.recordId(found.getString(ID)));
    }

    @Override
    public List<StoredRecord> page(WorkspaceId workspace, RecordFilter filter, Optional<RecordId> after, int limit) {
        return read(pageQuery(workspace, filter, after, limit));
    }

    /**
     * R14: reads the page's records from a cursor and stops at the budget, so that records past it are
     * never decoded; the driver holds one batch at a time, and the server caps a batch at 16 MiB.
     */
    @Override
    public Page pageWithin(
            WorkspaceId workspace, RecordFilter filter, Optional<RecordId> after, int limit, long maxBytes) {
        List<StoredRecord> found = new ArrayList<>();
        long bytes = 0;
        try (MongoCursor<Document> cursor = pageQuery(workspace, filter, after, limit + 1)
                .projection(RecordDocuments.READ_FIELDS)
                .iterator()) {
            while (cursor.hasNext()) {
                StoredRecord record = RecordDocuments.fromDocument(cursor.next());
                bytes += Limits.jsonLength(record.attributes());
                if (found.size() == limit || (!found.isEmpty() && bytes > maxBytes)) {
                    return new Page(found, true);
                }
                found.add(record);
            }
        }
        return new Page(found, false);
    }

    private FindIterable<Document> pageQuery(
            WorkspaceId workspace, RecordFilter filter, Optional<RecordId> after, int limit) {
        List<Bson> conditions = new ArrayList<>();
        filter.type().ifPresent(type -> conditions.add(Filters.eq(TYPE, type)));
        conditions.add(
                switch (filter.archived()) {
                    case ACTIVE -> Filters.eq(ARCHIVED, false);
                    case ARCHIVED -> Filters.eq(ARCHIVED, true);
                    // Both values named, so that an index on (type, archived, _id) still gives the id order.
                    case ANY -> Filters.in(ARCHIVED, false, true);
                });
        filter.parent().ifPresent(parent -> conditions.add(Filters.eq(PARENTS, parent.toString())));
        after.ifPresent(id -> conditions.add(Filters.gt(ID, id.toString())));
        // Ids are canonical lower-case UUID text: their string order is the unsigned order of RecordId.
        return records.find(in(workspace, Filters.and(conditions)))
                .sort(Sorts.ascending(ID))
                .limit(limit);
    }

    @Override
    public void insert(StoredRecord record, Map<String, String> uniqueValues) {
        unitOfWork.inUnit(record.workspace(), unit -> {
            Document document = RecordDocuments.toDocument(
                    record, uniqueValues, ancestry.of(record.workspace(), record.parents()), unit.id);
            try {
                records.insertOne(document);
            } catch (RuntimeException e) {
                throw Duplicates.isDuplicate(e) ? Duplicates.explain(this, record, uniqueValues, e) : e;
            }
            return null;
        });
    }

    @Override
    public void update(StoredRecord updated, Map<String, String> uniqueValues) {
        unitOfWork.inUnit(updated.workspace(), unit -> {
            Bson self = Filters.eq(ID, updated.id().toString());
            shadows.take(unit, MongoSchema.RECORDS, self);
            long matched;
            try {
                matched = records.updateOne(
                                in(
                                        updated.workspace(),
                                        Filters.and(
                                                self,
                                                Filters.eq(VERSION, updated.version() - 1),
                                                Filters.eq(ARCHIVED, false))),
                                updateOf(updated, uniqueValues, unit))
                        .getMatchedCount();
            } catch (RuntimeException e) {
                throw Duplicates.isDuplicate(e) ? Duplicates.explain(this, updated, uniqueValues, e) : e;
            }
            if (matched == 0) {
                throw whyNotUpdated(updated);
            }
            return null;
        });
    }

    /** The attributes, version, audit fields and claims an update of an active record sets. */
    static Bson updateOf(StoredRecord updated, Map<String, String> uniqueValues, Unit unit) {
        return Updates.combine(
                Updates.set(ATTRIBUTES, AttributeCodec.encode(updated.attributes())),
                Updates.set(VERSION, updated.version()),
                Updates.set(UPDATED_AT, Date.from(updated.updatedAt())),
                Updates.set(UPDATED_BY, updated.updatedBy()),
                Updates.set(CLAIMS, Claims.all(updated.workspace(), updated.type(), updated.id(), uniqueValues)),
                Updates.set(UNIT, unit.id));
    }

    /** Why an update matched nothing: gone, archived (R9) or a stale version (R10). */
    ArchivistException whyNotUpdated(StoredRecord updated) {
        StoredRecord current =
                find(updated.workspace(), updated.id()).orElseThrow(() -> ArchivistException.notFound(updated.id()));
        if (current.archived()) {
            return ArchivistException.recordArchived(current.id());
        }
        return ArchivistException.staleVersion(current.id(), current.version(), updated.version() - 1);
    }

    @Override
    public List<RecordId> archivedBefore(WorkspaceId workspace, String type, Instant cutoff, int limit) {
        List<RecordId> due = new ArrayList<>();
        records.find(in(
                        workspace,
                        Filters.and(
                                Filters.eq(TYPE, type),
                                Filters.eq(ARCHIVED, true),
                                Filters.lte(DELETED_AT, Date.from(cutoff)))))
                .projection(Projections.include(ID))
                .sort(Sorts.ascending(DELETED_AT, ID))
                .limit(limit)
                .forEach(document -> due.add(RecordDocuments.recordId(document.getString(ID))));
        return due;
    }

    /** Seeds: the batches, sharing this store's refusals. */
    RecordBatches batches() {
        return batches;
    }

    @Override
    public void reindexUnique(WorkspaceId workspace, ObjectType type) {
        batches.reindexUnique(workspace, type);
    }

    private static List<StoredRecord> read(FindIterable<Document> found) {
        List<StoredRecord> result = new ArrayList<>();
        found.projection(RecordDocuments.READ_FIELDS)
                .forEach(document -> result.add(RecordDocuments.fromDocument(document)));
        return result;
    }
}
