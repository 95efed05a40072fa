package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.StoredRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Counts per type of a set of records, in one aggregation. */
final class Counts {

    private Counts() {}

    static CountsPerType perType(MongoCollection<Document> records, Bson set) {
        CountsPerType.Builder counts = CountsPerType.builder();
        records.aggregate(List.of(
                        Aggregates.match(set), Aggregates.group("$" + RecordFields.TYPE, Accumulators.sum("n", 1))))
                .forEach(row ->
                        counts.add(row.getString(ID), row.get("n", Number.class).longValue()));
        return counts.build();
    }

    /**
     * What a purge counts: records per type, and per archive operation (by its id) those that one holds
     * archived.
     */
    record ByArchive(CountsPerType perType, Map<String, Long> perArchive) {}

    /** Counts per type and per archive operation of a set of records, in one aggregation. */
    static ByArchive perTypeAndArchive(MongoCollection<Document> records, Bson set) {
        CountsPerType.Builder perType = CountsPerType.builder();
        Map<String, Long> perArchive = new TreeMap<>();
        records.aggregate(List.of(
                        Aggregates.match(set),
                        Aggregates.group(
                                new Document(RecordFields.TYPE, "$" + RecordFields.TYPE)
                                        .append(RecordFields.ARCHIVE_OPERATION, "$" + RecordFields.ARCHIVE_OPERATION),
                                Accumulators.sum("n", 1))))
                .forEach(row -> {
                    Document group = row.get(ID, Document.class);
                    long n = row.get("n", Number.class).longValue();
                    perType.add(group.getString(RecordFields.TYPE), n);
                    String archive = group.getString(RecordFields.ARCHIVE_OPERATION);
                    if (archive != null) {
                        perArchive.merge(archive, n, Long::sum);
                    }
                });
        return new ByArchive(perType.build(), perArchive);
    }

    /**
     * R13: the first {@code named} records of each of {@code types} in a set, in id order: one aggregation
     * numbers them per type (a facet each, holding ids only), one find reads those records.
     */
    static List<StoredRecord> first(MongoCollection<Document> records, Bson set, Collection<String> types, int named) {
        if (named < 1 || types.isEmpty()) {
            return List.of();
        }
        List<String> ordered = List.copyOf(types);
        List<Facet> facets = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            facets.add(new Facet(
                    "t" + i,
                    Aggregates.match(Filters.eq(RecordFields.TYPE, ordered.get(i))),
                    Aggregates.sort(Sorts.ascending(ID)),
                    Aggregates.limit(named),
                    Aggregates.project(Projections.include(ID))));
        }
        List<String> ids = new ArrayList<>();
        Document found = records.aggregate(List.of(Aggregates.match(set), Aggregates.facet(facets)))
                .first();
        if (found != null) {
            for (int i = 0; i < ordered.size(); i++) {
                found.getList("t" + i, Document.class, List.of()).forEach(row -> ids.add(row.getString(ID)));
            }
        }
        List<StoredRecord> first = new ArrayList<>();
        records.find(Filters.and(set, Filters.in(ID, ids)))
                .projection(RecordDocuments.READ_FIELDS)
                .sort(Sorts.ascending(ID))
                .forEach(document -> first.add(RecordDocuments.fromDocument(document)));
        return first;
    }
}
