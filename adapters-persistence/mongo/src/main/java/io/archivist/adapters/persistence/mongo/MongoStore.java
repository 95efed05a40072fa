package io.archivist.adapters.persistence.mongo;

import com.mongodb.client.MongoDatabase;
import io.archivist.application.port.out.ScheduledTurns;
import java.time.Clock;

/**
 * The Mongo store's ports over one database, built together because they share the unit of work.
 * Opening it creates the indexes (idempotent) and recovers the units earlier processes left unfinished.
 */
public final class MongoStore implements AutoCloseable {

    private final MongoUnitOfWork unitOfWork;
    private final MongoRecordStore records;
    private final MongoCascades cascades;
    private final MongoCatalogStore catalogs;
    private final MongoOperationLog operations;
    private final MongoIdempotencyStore idempotency;
    private final MongoScheduledTurns scheduledTurns;

    private MongoStore(MongoDatabase db, MongoStoreSettings settings, Clock clock) {
        MongoSchema.ensureIndexes(db);
        Shadows shadows = new Shadows(db);
        Leases leases = new Leases(db, clock, settings.lease(), MongoUnitOfWork.newOwner(settings));
        this.unitOfWork = new MongoUnitOfWork(leases, shadows, settings);
        this.records = new MongoRecordStore(
                db.getCollection(MongoSchema.RECORDS),
                db.getCollection(MongoSchema.OPERATIONS),
                unitOfWork,
                shadows,
                settings);
        SearchBackfill.run(db.getCollection(MongoSchema.RECORDS));
        this.cascades = new MongoCascades(db.getCollection(MongoSchema.RECORDS), unitOfWork, shadows);
        this.catalogs = new MongoCatalogStore(db.getCollection(MongoSchema.TYPES), unitOfWork, shadows);
        this.operations = new MongoOperationLog(
                db.getCollection(MongoSchema.OPERATIONS),
                db.getCollection(MongoSchema.RECORDS),
                db.getCollection(MongoSchema.PURGED),
                unitOfWork);
        this.idempotency = new MongoIdempotencyStore(db.getCollection(MongoSchema.IDEMPOTENCY), unitOfWork);
        this.scheduledTurns = new MongoScheduledTurns(db.getCollection(MongoSchema.SCHEDULED_TURNS));
    }

    public static MongoStore open(MongoDatabase db, MongoStoreSettings settings) {
        return new MongoStore(db, settings, Clock.systemUTC());
    }

    public static MongoStore open(MongoDatabase db, MongoStoreSettings settings, Clock clock) {
        return new MongoStore(db, settings, clock);
    }

    public MongoUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public MongoRecordStore records() {
        return records;
    }

    public MongoCascades cascades() {
        return cascades;
    }

    public RecordBatches seedBatches() {
        return records.batches();
    }

    public MongoCatalogStore catalogs() {
        return catalogs;
    }

    public MongoOperationLog operations() {
        return operations;
    }

    public MongoIdempotencyStore idempotency() {
        return idempotency;
    }

    public ScheduledTurns scheduledTurns() {
        return scheduledTurns;
    }

    /** What the periodic sweep does, on demand. */
    public void recoverAbandoned() {
        unitOfWork.recoverAbandoned();
    }

    /** Stops the heartbeat and the sweep; the database client belongs to whoever opened the store. */
    @Override
    public void close() {
        unitOfWork.close();
    }
}
