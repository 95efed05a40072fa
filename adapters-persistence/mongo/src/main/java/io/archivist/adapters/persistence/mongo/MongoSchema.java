package io.archivist.adapters.persistence.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The collections of the store and the indexes it creates at start-up. Every collection except
 * {@code units} carries {@code workspace}, the shard key on a sharded cluster, and every unique
 * index starts with it (MongoDB only enforces a unique index on a sharded collection when the shard
 * key prefixes it). No index relies on {@code partialFilterExpression}.
 */
final class MongoSchema {

    static final String RECORDS = "records";
    static final String TYPES = "object_types";
    static final String OPERATIONS = "operations";
    static final String PURGED = "purged_records";
    static final String IDEMPOTENCY = "idempotency";
    /** One document per workspace: its write lease, the unit under way, and the sequence readers check. */
    static final String UNITS = "units";
    /** Before-images of the documents the unit under way changed, for its rollback. */
    static final String SHADOWS = "shadows";
    /** One document per once-only job (the retention job): who took its last turn, and when that turn runs out. */
    static final String SCHEDULED_TURNS = "scheduled_turns";

    static final String ID = "_id";
    static final String WORKSPACE = "workspace";
    /** On records and types: the unit that last wrote the document. */
    static final String UNIT = "unit";
    /** On records and types: the unit that inserted the document. */
    static final String BORN = "born";

    private MongoSchema() {}

    static void ensureIndexes(MongoDatabase db) {
        MongoCollection<Document> records = db.getCollection(RECORDS);
        unique(records, "records_workspace_id", Indexes.ascending(WORKSPACE, ID));
        unique(records, "records_key", Indexes.ascending(WORKSPACE, RecordFields.TYPE, RecordFields.KEY_SLOT));
        // R6: one entry per (workspace, claim) among active records; archived ones hold a per-record slot instead.
        unique(
                records,
                "records_unique_among_active",
                Indexes.ascending(WORKSPACE, RecordFields.CLAIMS, RecordFields.SLOT));
        plain(records, "records_ancestors", Indexes.ascending(WORKSPACE, RecordFields.ANCESTORS));
        plain(records, "records_parents", Indexes.ascending(WORKSPACE, RecordFields.PARENTS, ID));
        plain(records, "records_archive_operation", Indexes.ascending(WORKSPACE, RecordFields.ARCHIVE_OPERATION));
        plain(records, "records_page", Indexes.ascending(WORKSPACE, RecordFields.TYPE, RecordFields.ARCHIVED, ID));
        plain(records, "records_retention", Indexes.ascending(WORKSPACE, RecordFields.TYPE, RecordFields.DELETED_AT));
        plain(records, "records_unit", Indexes.ascending(WORKSPACE, UNIT));
        // Finding records (docs/api.md#finding): key without a type, an operation's records in id order,
        // archived records newest first (of a type, and across types). q has no index: it reads the
        // search text of the records the other conditions leave.
        plain(records, "records_key_any_type", Indexes.ascending(WORKSPACE, RecordFields.KEY_SLOT, ID));
        plain(records, "records_operation_page", Indexes.ascending(WORKSPACE, RecordFields.ARCHIVE_OPERATION, ID));
        plain(
                records,
                "records_newest_archived",
                Indexes.ascending(WORKSPACE, RecordFields.TYPE, RecordFields.ARCHIVED, RecordFields.DELETED_AT, ID));
        plain(
                records,
                "records_newest_archived_any_type",
                Indexes.ascending(WORKSPACE, RecordFields.ARCHIVED, RecordFields.DELETED_AT, ID));

        MongoCollection<Document> types = db.getCollection(TYPES);
        unique(types, "types_workspace_id", Indexes.ascending(WORKSPACE, ID));
        plain(types, "types_unit", Indexes.ascending(WORKSPACE, UNIT));

        MongoCollection<Document> operations = db.getCollection(OPERATIONS);
        unique(operations, "operations_workspace_id", Indexes.ascending(WORKSPACE, ID));
        plain(operations, "operations_unit", Indexes.ascending(WORKSPACE, UNIT));
        // GET /operations, newest first (ids are time-ordered), by each filter: see MongoOperationLog.page. The
        // actor's and kind's also serves GET /records' archived_by (the archive operations of one actor).
        plain(operations, "operations_kind", Indexes.ascending(WORKSPACE, MongoOperationLog.KIND, ID));
        plain(operations, "operations_actor", Indexes.ascending(WORKSPACE, MongoOperationLog.ACTOR, ID));
        plain(
                operations,
                "operations_actor_kind",
                Indexes.ascending(WORKSPACE, MongoOperationLog.ACTOR, MongoOperationLog.KIND, ID));
        plain(operations, "operations_holding", Indexes.ascending(WORKSPACE, MongoOperationLog.HOLDING, ID));
        plain(
                operations,
                "operations_holding_actor",
                Indexes.ascending(WORKSPACE, MongoOperationLog.HOLDING, MongoOperationLog.ACTOR, ID));
        plain(operations, "operations_counted_in", Indexes.ascending(WORKSPACE, MongoOperationLog.COUNTED_IN));
        MongoOperationLog.countOperationsLoggedBefore(operations, db.getCollection(RECORDS));

        MongoCollection<Document> purged = db.getCollection(PURGED);
        unique(purged, "purged_workspace_id", Indexes.ascending(WORKSPACE, ID));
        plain(purged, "purged_unit", Indexes.ascending(WORKSPACE, UNIT));

        MongoCollection<Document> idempotency = db.getCollection(IDEMPOTENCY);
        unique(idempotency, "idempotency_workspace_id", Indexes.ascending(WORKSPACE, ID));
        plain(idempotency, "idempotency_unit", Indexes.ascending(WORKSPACE, UNIT));
        // Responses are only answered for 24 hours, and the service's job forgets them then (R10); MongoDB's
        // TTL monitor removes them a day later wherever no instance runs that job.
        idempotency.createIndex(
                Indexes.ascending("at"),
                new IndexOptions().name("idempotency_expiry").expireAfter(2L, TimeUnit.DAYS));

        MongoCollection<Document> shadows = db.getCollection(SHADOWS);
        unique(shadows, "shadows_workspace_id", Indexes.ascending(WORKSPACE, ID));
        plain(shadows, "shadows_unit", Indexes.ascending(WORKSPACE, Shadows.OF_UNIT));
    }

    private static void unique(MongoCollection<Document> collection, String name, Bson keys) {
        collection.createIndex(keys, new IndexOptions().name(name).unique(true));
    }

    private static void plain(MongoCollection<Document> collection, String name, Bson keys) {
        collection.createIndex(keys, new IndexOptions().name(name));
    }
}
