package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.BORN;
import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Field;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.MergeOptions;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Before-images, and the rollback and clean-up they allow. Before a unit first changes a set of
 * records or types, one aggregation copies that set, server-side, into the shadows collection
 * ($merge keeps the first copy when the unit touches a document twice); every document a unit
 * writes carries the unit's id. Rolling back is then a constant number of commands whatever the
 * unit did: delete what carries its id, put the before-images back, count the archive operations it
 * changed again, drop what it logged.
 * Every step is idempotent, so a rollback interrupted half-way is simply run again.
 */
final class Shadows {

    static final String OF_UNIT = "shadowOf";
    static final String FROM = "shadowFrom";
    private static final List<String> JOIN = List.of(WORKSPACE, ID);

    private final MongoDatabase db;
    private final MongoCollection<Document> shadows;

    Shadows(MongoDatabase db) {
        this.db = db;
        this.shadows = db.getCollection(MongoSchema.SHADOWS);
    }

    /** Copies the documents of {@code collection} matching {@code filter} in the unit's workspace, before they change. */
    void take(Unit unit, String collection, Bson filter) {
        unit.requireHeld();
        unit.markShadowed();
        db.getCollection(collection)
                .aggregate(List.of(
                        Aggregates.match(Filters.and(Filters.eq(WORKSPACE, unit.workspaceName()), filter)),
                        Aggregates.addFields(new Field<>(OF_UNIT, unit.id), new Field<>(FROM, collection)),
                        Aggregates.merge(
                                MongoSchema.SHADOWS,
                                new MergeOptions()
                                        .uniqueIdentifier(JOIN)
                                        .whenMatched(MergeOptions.WhenMatched.KEEP_EXISTING)
                                        .whenNotMatched(MergeOptions.WhenNotMatched.INSERT))))
                .toCollection();
    }

    /**
     * Undoes everything unit {@code unitId} wrote in {@code workspace}. First the documents it wrote go
     * (those it inserted, and the current versions of those it changed), then the before-images come back:
     * the result is the state before the unit, so no unique index sees a conflict on the way.
     */
    void rollback(String workspace, String unitId) {
        for (String collection : List.of(MongoSchema.RECORDS, MongoSchema.TYPES)) {
            db.getCollection(collection)
                    .deleteMany(Filters.and(Filters.eq(WORKSPACE, workspace), Filters.eq(UNIT, unitId)));
        }
        for (String collection : List.of(MongoSchema.RECORDS, MongoSchema.TYPES)) {
            shadows.aggregate(List.of(
                            Aggregates.match(Filters.and(
                                    Filters.eq(WORKSPACE, workspace),
                                    Filters.eq(OF_UNIT, unitId),
                                    Filters.eq(FROM, collection),
                                    Filters.ne(BORN, unitId))),
                            Aggregates.unset(OF_UNIT, FROM),
                            Aggregates.merge(
                                    collection,
                                    new MergeOptions()
                                            .uniqueIdentifier(JOIN)
                                            .whenMatched(MergeOptions.WhenMatched.REPLACE)
                                            .whenNotMatched(MergeOptions.WhenNotMatched.INSERT))))
                    .toCollection();
        }
        // The records are back: the archive operations whose counts the unit changed are counted again.
        MongoOperationLog.recount(
                db.getCollection(MongoSchema.OPERATIONS), db.getCollection(MongoSchema.RECORDS), workspace, unitId);
        for (String collection : List.of(MongoSchema.PURGED, MongoSchema.OPERATIONS, MongoSchema.IDEMPOTENCY)) {
            db.getCollection(collection)
                    .deleteMany(Filters.and(Filters.eq(WORKSPACE, workspace), Filters.eq(UNIT, unitId)));
        }
        discard(workspace, unitId);
    }

    /** The unit committed: its before-images are no longer needed. */
    void discard(String workspace, String unitId) {
        shadows.deleteMany(Filters.and(Filters.eq(WORKSPACE, workspace), Filters.eq(OF_UNIT, unitId)));
    }
}
