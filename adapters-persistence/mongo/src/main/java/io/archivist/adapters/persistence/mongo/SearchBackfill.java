package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.RecordFields.SEARCH;
import static io.archivist.adapters.persistence.mongo.RecordFields.VERSION;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up: the search text (q, docs/api.md#finding) of the records written before the store kept
 * one, a thousand per command. Each write names the version it read, so a record changed meanwhile
 * keeps the text its own write gave it. Idempotent: a store where every record has one reads one
 * empty page.
 */
final class SearchBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(SearchBackfill.class);
    private static final int CHUNK = 1_000;

    private SearchBackfill() {}

    static void run(MongoCollection<Document> records) {
        long written = 0;
        while (true) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Document document : records.find(Filters.exists(SEARCH, false))
                    .projection(RecordDocuments.READ_FIELDS)
                    .limit(CHUNK)) {
                writes.add(new UpdateOneModel<>(
                        Filters.and(
                                Filters.eq(ID, document.getString(ID)),
                                Filters.eq(VERSION, document.get(VERSION)),
                                Filters.exists(SEARCH, false)),
                        Updates.set(SEARCH, RecordDocuments.searchText(RecordDocuments.fromDocument(document)))));
            }
            if (writes.isEmpty()) {
                break;
            }
            records.bulkWrite(writes);
            written += writes.size();
            if (writes.size() < CHUNK) {
                break;
            }
        }
        if (written > 0) {
            LOG.info("wrote the search text of {} records kept before it existed", written);
        }
    }
}
