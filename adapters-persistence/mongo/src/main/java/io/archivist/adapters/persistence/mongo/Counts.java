package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Counts per type of a set of records, in one aggregation. */
final class Counts {

    private Counts() {}

    static Map<String, Long> perType(MongoCollection<Document> records, Bson set) {
        Map<String, Long> counts = new TreeMap<>();
        records.aggregate(List.of(
                        Aggregates.match(set), Aggregates.group("$" + RecordFields.TYPE, Accumulators.sum("n", 1))))
                .forEach(row ->
                        counts.put(row.getString(ID), row.get("n", Number.class).longValue()));
        return counts;
    }
}
