package io.archivist.application.contract;

import io.archivist.application.port.out.CascadeOutline;
import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.application.port.out.seed.SeedReader;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.IdempotencyService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.LifecycleSetup;
import io.archivist.application.service.OperationRestoreService;
import io.archivist.application.service.OperationService;
import io.archivist.application.service.RecordService;
import io.archivist.application.service.RetentionService;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.CountsPerType;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test data: the ports one store provides, with the clock, the ids and the catalog cache of one
 * service instance, and builders of each service over them (the constructors list every port a
 * service uses; tests name only what they change). {@link #records()} is every record port of the
 * store in one, so that a test can act on the store directly.
 */
public record StorePorts(
        RecordReads reads,
        RecordWrites writes,
        RecordCascades cascades,
        SeedBatches seedBatches,
        CatalogStore catalogs,
        OperationLog operations,
        UnitOfWork unitOfWork,
        IdempotencyStore idempotency,
        TimeSource time,
        IdGenerator ids,
        CatalogCache catalogCache) {

    public StorePorts {
        Objects.requireNonNull(reads, "reads");
        Objects.requireNonNull(writes, "writes");
        Objects.requireNonNull(cascades, "cascades");
        Objects.requireNonNull(seedBatches, "seedBatches");
        Objects.requireNonNull(catalogs, "catalogs");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(catalogCache, "catalogCache");
    }

    /** A store whose one object serves every record port (the in-memory store). */
    public static <T extends RecordReads & RecordWrites & RecordCascades & SeedBatches> StorePorts of(
            T records,
            CatalogStore catalogs,
            OperationLog operations,
            UnitOfWork unitOfWork,
            IdempotencyStore idempotency,
            TimeSource time,
            IdGenerator ids) {
        return new StorePorts(
                records,
                records,
                records,
                records,
                catalogs,
                operations,
                unitOfWork,
                idempotency,
                time,
                ids,
                newCache());
    }

    /** With a catalog cache of its own: another service instance. */
    public StorePorts(
            RecordReads reads,
            RecordWrites writes,
            RecordCascades cascades,
            SeedBatches seedBatches,
            CatalogStore catalogs,
            OperationLog operations,
            UnitOfWork unitOfWork,
            IdempotencyStore idempotency,
            TimeSource time,
            IdGenerator ids) {
        this(
                reads,
                writes,
                cascades,
                seedBatches,
                catalogs,
                operations,
                unitOfWork,
                idempotency,
                time,
                ids,
                newCache());
    }

    private static CatalogCache newCache() {
        return new CatalogCache(CatalogCache.DEFAULT_WORKSPACES);
    }

    /** Another service instance on the same store: a catalog cache of its own. */
    public StorePorts anotherInstance() {
        return new StorePorts(
                reads,
                writes,
                cascades,
                seedBatches,
                catalogs,
                operations,
                unitOfWork,
                idempotency,
                time,
                ids,
                newCache());
    }

    public StorePorts withCatalogs(CatalogStore replaced) {
        return new StorePorts(
                reads,
                writes,
                cascades,
                seedBatches,
                replaced,
                operations,
                unitOfWork,
                idempotency,
                time,
                ids,
                newCache());
    }

    public StorePorts withSeedBatches(SeedBatches replaced) {
        return new StorePorts(
                reads,
                writes,
                cascades,
                replaced,
                catalogs,
                operations,
                unitOfWork,
                idempotency,
                time,
                ids,
                catalogCache);
    }

    public StorePorts withTime(TimeSource replaced) {
        return new StorePorts(
                reads,
                writes,
                cascades,
                seedBatches,
                catalogs,
                operations,
                unitOfWork,
                idempotency,
                replaced,
                ids,
                catalogCache);
    }

    public StorePorts withUnitOfWork(UnitOfWork replaced) {
        return new StorePorts(
                reads,
                writes,
                cascades,
                seedBatches,
                catalogs,
                operations,
                replaced,
                idempotency,
                time,
                ids,
                catalogCache);
    }

    public RecordService recordService(LifecyclePolicy policy) {
        return new RecordService(reads, writes, catalogs, catalogCache, unitOfWork, time, ids, policy);
    }

    public RecordService recordService() {
        return recordService(LifecyclePolicy.DEFAULT);
    }

    public LifecycleService lifecycleService(LifecyclePolicy policy) {
        return lifecycleService(policy, LifecycleMetrics.NONE);
    }

    public LifecycleService lifecycleService(LifecyclePolicy policy, LifecycleMetrics metrics) {
        return new LifecycleService(lifecycleSetup(policy, metrics));
    }

    public LifecycleService lifecycleService() {
        return lifecycleService(LifecyclePolicy.DEFAULT);
    }

    public BulkLifecycleService bulkLifecycleService(LifecyclePolicy policy) {
        return bulkLifecycleService(policy, LifecycleMetrics.NONE);
    }

    public BulkLifecycleService bulkLifecycleService(LifecyclePolicy policy, LifecycleMetrics metrics) {
        return new BulkLifecycleService(lifecycleSetup(policy, metrics));
    }

    public BulkLifecycleService bulkLifecycleService() {
        return bulkLifecycleService(LifecyclePolicy.DEFAULT);
    }

    public CatalogService catalogService(int maxTypes) {
        return new CatalogService(writes, catalogs, catalogCache, unitOfWork, maxTypes);
    }

    public CatalogService catalogService() {
        return catalogService(CatalogService.DEFAULT_MAX_TYPES);
    }

    public OperationService operationService() {
        return new OperationService(reads, operations, catalogs, catalogCache, unitOfWork, time);
    }

    public OperationRestoreService operationRestoreService(LifecyclePolicy policy) {
        return new OperationRestoreService(lifecycleSetup(policy, LifecycleMetrics.NONE));
    }

    /** What the lifecycle services run on, over this store's ports. */
    public LifecycleSetup lifecycleSetup(LifecyclePolicy policy, LifecycleMetrics metrics) {
        return new LifecycleSetup(
                reads, cascades, operations, catalogs, catalogCache, unitOfWork, time, ids, policy, metrics);
    }

    public RetentionService retentionService(LifecyclePolicy policy) {
        return new RetentionService(
                reads, cascades, operations, catalogs, unitOfWork, time, ids, policy, LifecycleMetrics.NONE);
    }

    public IdempotencyService idempotencyService() {
        return new IdempotencyService(idempotency, unitOfWork, time);
    }

    public SeedImportService seedImportService(SeedReader reader, int maxTypes) {
        return new SeedImportService(
                reads,
                writes,
                seedBatches,
                catalogs,
                catalogCache,
                operations,
                unitOfWork,
                time,
                ids,
                reader,
                maxTypes,
                LifecycleMetrics.NONE);
    }

    public SeedImportService seedImportService(SeedReader reader) {
        return seedImportService(reader, CatalogService.DEFAULT_MAX_TYPES);
    }

    /** Every record port of the store, for tests that act on the store directly. */
    public Records records() {
        return new Records(reads, writes, cascades, seedBatches);
    }

    /** The four record ports as one, each call going to the port that serves it. */
    public record Records(RecordReads reads, RecordWrites writes, RecordCascades cascades, SeedBatches seedBatches)
            implements RecordReads, RecordWrites, RecordCascades, SeedBatches {

        @Override
        public Optional<StoredRecord> find(WorkspaceId workspace, RecordId id) {
            return reads.find(workspace, id);
        }

        @Override
        public List<StoredRecord> findAll(WorkspaceId workspace, Collection<RecordId> ids) {
            return reads.findAll(workspace, ids);
        }

        @Override
        public Optional<StoredRecord> findByKey(WorkspaceId workspace, String type, String key) {
            return reads.findByKey(workspace, type, key);
        }

        @Override
        public Optional<RecordId> activeHolder(
                WorkspaceId workspace, String type, String attribute, String canonicalValue) {
            return reads.activeHolder(workspace, type, attribute, canonicalValue);
        }

        @Override
        public Optional<WithCatalogVersion> findWithCatalogVersion(
                WorkspaceId workspace, RecordId id, CatalogStore catalogs) {
            return reads.findWithCatalogVersion(workspace, id, catalogs);
        }

        @Override
        public List<StoredRecord> page(
                WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit) {
            return reads.page(workspace, filter, after, limit);
        }

        @Override
        public Page pageWithin(
                WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit, long maxBytes) {
            return reads.pageWithin(workspace, filter, after, limit, maxBytes);
        }

        @Override
        public List<RecordId> archivedBefore(WorkspaceId workspace, String type, Instant cutoff, int limit) {
            return reads.archivedBefore(workspace, type, cutoff, limit);
        }

        @Override
        public void insert(StoredRecord record, Map<String, String> uniqueValues) {
            writes.insert(record, uniqueValues);
        }

        @Override
        public void update(StoredRecord updated, Map<String, String> uniqueValues) {
            writes.update(updated, uniqueValues);
        }

        @Override
        public void reindexUnique(WorkspaceId workspace, ObjectType type) {
            writes.reindexUnique(workspace, type);
        }

        @Override
        public void insertAll(List<RecordWithUniqueValues> batch) {
            seedBatches.insertAll(batch);
        }

        @Override
        public void updateAll(List<RecordWithUniqueValues> batch) {
            seedBatches.updateAll(batch);
        }

        @Override
        public boolean archiveReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target) {
            return cascades.archiveReaches(workspace, roots, target);
        }

        @Override
        public boolean purgeReaches(WorkspaceId workspace, Collection<RecordId> roots, RecordId target) {
            return cascades.purgeReaches(workspace, roots, target);
        }

        @Override
        public CountsPerType countArchive(WorkspaceId workspace, Collection<RecordId> roots) {
            return cascades.countArchive(workspace, roots);
        }

        @Override
        public CountsPerType countPurge(WorkspaceId workspace, Collection<RecordId> roots) {
            return cascades.countPurge(workspace, roots);
        }

        @Override
        public io.archivist.application.port.out.RestoreOutline outlineRestore(
                WorkspaceId workspace, RecordId root, int listLimit) {
            return cascades.outlineRestore(workspace, root, listLimit);
        }

        @Override
        public io.archivist.application.port.out.RestoreOutline outlineRestore(
                WorkspaceId workspace, RecordId root, int listLimit, int named) {
            return cascades.outlineRestore(workspace, root, listLimit, named);
        }

        @Override
        public CascadeOutline outlineArchive(WorkspaceId workspace, Collection<RecordId> roots, int named) {
            return cascades.outlineArchive(workspace, roots, named);
        }

        @Override
        public CascadeOutline outlinePurge(WorkspaceId workspace, Collection<RecordId> roots, int named) {
            return cascades.outlinePurge(workspace, roots, named);
        }

        @Override
        public CountsPerType archive(Operation operation, long maxRecords) {
            return cascades.archive(operation, maxRecords);
        }

        @Override
        public Restored restore(RecordId root, Operation operation, int listLimit, long maxRecords) {
            return cascades.restore(root, operation, listLimit, maxRecords);
        }

        @Override
        public CountsPerType purge(Operation operation, long maxRecords) {
            return cascades.purge(operation, maxRecords);
        }
    }
}
