package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;
import static io.archivist.adapters.persistence.mongo.RecordFields.*;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ObjectType;
import io.archivist.domain.PagePosition;
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
    private final RecordPages pages;

    MongoRecordStore(
            MongoCollection<Document> records,
            MongoCollection<Document> operations,
            MongoUnitOfWork unitOfWork,
            Shadows shadows,
            MongoStoreSettings settings) {
        this.records = records;
        this.pages = new RecordPages(records, operations);
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
    public List<StoredRecord> page(
            WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit) {
        return pages.within(workspace, filter, after, limit, Long.MAX_VALUE).records();
    }

    @Override
    public Page pageWithin(
            WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit, long maxBytes) {
        return pages.within(workspace, filter, after, limit, maxBytes);
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
                Updates.set(SEARCH, RecordDocuments.searchText(updated)),
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
