package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;
import static io.archivist.adapters.persistence.mongo.RecordFields.*;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.archivist.application.port.out.RecordReads.Page;
import io.archivist.domain.Limits;
import io.archivist.domain.OperationKind;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.SearchText;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * GET /records on MongoDB (docs/api.md#finding): every filter but archived_by is one find, in the
 * filter's order, served by the index of its leading condition (MongoSchema); {@code q} is a regular
 * expression on the search text that matches the lower-cased query literally, so it reads the
 * search text of each record the find walks. archived_by needs the actor of each record's archive
 * operation, which lives on the operation: the walk reads the records in chunks and asks, per chunk,
 * which of their operations that actor ran (one command per chunk, never one per record).
 */
final class RecordPages {

    /** Records read between two look-ups of their operations' actors (archived_by). */
    private static final int ACTOR_CHUNK = 200;

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> operations;

    RecordPages(MongoCollection<Document> records, MongoCollection<Document> operations) {
        this.records = records;
        this.operations = operations;
    }

    /**
     * R14: the page's records from a cursor, stopping at the budget, so that records past it are never
     * decoded; the driver holds one batch at a time, and the server caps a batch at 16 MiB.
     */
    Page within(WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit, long maxBytes) {
        List<StoredRecord> found = new ArrayList<>();
        long bytes = 0;
        var query = records.find(MongoRecordStore.in(workspace, condition(filter, after)))
                .sort(order(filter.sort()))
                .projection(RecordDocuments.READ_FIELDS);
        try (MongoCursor<Document> cursor = filter.archivedBy().isPresent()
                ? query.batchSize(ACTOR_CHUNK).iterator()
                : query.limit(limit + 1).iterator()) {
            List<StoredRecord> chunk = new ArrayList<>();
            while (cursor.hasNext()) {
                chunk.clear();
                chunk.add(RecordDocuments.fromDocument(cursor.next()));
                if (filter.archivedBy().isPresent()) {
                    while (chunk.size() < ACTOR_CHUNK && cursor.hasNext()) {
                        chunk.add(RecordDocuments.fromDocument(cursor.next()));
                    }
                }
                for (StoredRecord record : archivedBy(workspace, filter, chunk)) {
                    bytes += Limits.jsonLength(record.attributes());
                    if (found.size() == limit || (!found.isEmpty() && bytes > maxBytes)) {
                        return new Page(found, true);
                    }
                    found.add(record);
                }
            }
        }
        return new Page(found, false);
    }

    private static Bson condition(RecordFilter filter, Optional<PagePosition> after) {
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
        filter.key().ifPresent(key -> conditions.add(Filters.eq(KEY_SLOT, "k:" + key)));
        filter.operation().ifPresent(op -> conditions.add(Filters.eq(ARCHIVE_OPERATION, op.toString())));
        filter.archivedAfter().ifPresent(at -> conditions.add(Filters.gte(DELETED_AT, Date.from(at))));
        filter.archivedBefore().ifPresent(at -> conditions.add(Filters.lt(DELETED_AT, Date.from(at))));
        filter.text().ifPresent(q -> conditions.add(Filters.regex(SEARCH, literal(SearchText.needle(q)))));
        after.ifPresent(position -> conditions.add(
                switch (filter.sort()) {
                    // Ids are canonical lower-case UUID text: their string order is the unsigned order of RecordId.
                    case ID -> Filters.gt(ID, position.id().toString());
                    case NEWEST_ARCHIVED_FIRST -> {
                        Date at = Date.from(position.deletedAt().orElseThrow());
                        yield Filters.or(
                                Filters.lt(DELETED_AT, at),
                                Filters.and(
                                        Filters.eq(DELETED_AT, at),
                                        Filters.lt(ID, position.id().toString())));
                    }
                }));
        return Filters.and(conditions);
    }

    private static Bson order(RecordFilter.Sort sort) {
        return switch (sort) {
            case ID -> Sorts.ascending(ID);
            case NEWEST_ARCHIVED_FIRST -> Sorts.descending(DELETED_AT, ID);
        };
    }

    /** The records of {@code chunk}, in order, whose archive operation the filter's actor ran (all without one). */
    private List<StoredRecord> archivedBy(WorkspaceId workspace, RecordFilter filter, List<StoredRecord> chunk) {
        if (filter.archivedBy().isEmpty()) {
            return chunk;
        }
        Set<String> candidates = new HashSet<>();
        chunk.forEach(record -> record.archiveOperation().ifPresent(op -> candidates.add(op.toString())));
        Set<String> ran = new HashSet<>();
        if (!candidates.isEmpty()) {
            operations
                    .find(Filters.and(
                            Filters.eq(WORKSPACE, workspace.value()),
                            Filters.in(ID, candidates),
                            Filters.eq("actor", filter.archivedBy().get()),
                            Filters.eq("kind", OperationKind.ARCHIVE.name())))
                    .projection(Projections.include(ID))
                    .forEach(operation -> ran.add(operation.getString(ID)));
        }
        return chunk.stream()
                .filter(record -> record.archiveOperation()
                        .map(op -> ran.contains(op.toString()))
                        .orElse(false))
                .toList();
    }

    /**
     * A regular expression that matches {@code text} literally: every character the expression
     * languages of MongoDB (PCRE) and of the in-process server (Java) treat specially is escaped, and
     * no other, since a backslash before a letter or digit means something in both.
     */
    static String literal(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\^$.|?*+()[]{}-/# ".indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }
}
