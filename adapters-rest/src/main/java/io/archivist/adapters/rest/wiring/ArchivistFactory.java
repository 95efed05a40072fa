package io.archivist.adapters.rest.wiring;

import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.ScheduledTurns;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.CommittedMetrics;
import io.archivist.application.service.IdempotencyService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.LifecycleSetup;
import io.archivist.application.service.OperationRestoreService;
import io.archivist.application.service.OperationService;
import io.archivist.application.service.RecordService;
import io.archivist.application.service.RetentionService;
import io.archivist.application.service.ScheduledWorkService;
import io.archivist.application.service.StoreHealthService;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.application.service.WorkspaceTurns;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The composition root: the application's services, built from the ports the store adapters
 * provide as beans. Only constructors are called here; the controllers see the use-case interfaces.
 */
@Factory
public class ArchivistFactory {

    @Singleton
    TimeSource timeSource() {
        return new SystemClock();
    }

    @Singleton
    IdGenerator idGenerator() {
        return new TimeOrderedIds();
    }

    /** The limits of the lifecycle; archivist.lifecycle.* (ARCHIVIST_LIFECYCLE_MAX_BULK_IDS, ...). */
    @Singleton
    LifecyclePolicy lifecyclePolicy(
            @Value("${archivist.lifecycle.max-bulk-ids:1000}") int maxBulkIds,
            @Value("${archivist.lifecycle.max-listed-records:100}") int maxListedRecords,
            @Value("${archivist.lifecycle.retention-batch:1000}") int retentionBatch,
            @Value("${archivist.lifecycle.max-cascade-records:1000000}") long maxCascadeRecords,
            @Value("${archivist.lifecycle.max-page-bytes:8388608}") long maxPageBytes) {
        return new LifecyclePolicy(maxBulkIds, maxListedRecords, retentionBatch, maxCascadeRecords, maxPageBytes);
    }

    /**
     * The store's units of work, with the writes of each workspace queued in this process first (R14):
     * archivist.lifecycle.write-wait (ARCHIVIST_LIFECYCLE_WRITE_WAIT) bounds a writer's wait for its turn,
     * archivist.lifecycle.max-queued-writes how many writers may wait in one workspace. Typed as itself
     * only, so that the store's own UnitOfWork stays the one bean of that type. The metrics (none when
     * micronaut.metrics.enabled=false) hear how long each write waited.
     */
    @Singleton
    @Bean(typed = WorkspaceTurns.class)
    WorkspaceTurns workspaceTurns(
            UnitOfWork unitOfWork,
            @Value("${archivist.lifecycle.write-wait:30s}") Duration writeWait,
            @Value("${archivist.lifecycle.max-queued-writes:64}") int maxQueuedWrites,
            Optional<LifecycleMetrics> metrics) {
        return new WorkspaceTurns(unitOfWork, writeWait, maxQueuedWrites, metrics.orElse(LifecycleMetrics.NONE));
    }

    /**
     * The metrics as the services report to them: operations and seed imports once their write has committed.
     * Typed as itself only, so that the metrics adapter stays the one LifecycleMetrics bean.
     */
    @Singleton
    @Bean(typed = CommittedMetrics.class)
    CommittedMetrics committedMetrics(WorkspaceTurns turns, Optional<LifecycleMetrics> metrics) {
        return new CommittedMetrics(turns, metrics.orElse(LifecycleMetrics.NONE));
    }

    /** The catalogs this instance keeps, archivist.catalog.cached-workspaces (ARCHIVIST_CATALOG_CACHED_WORKSPACES). */
    @Singleton
    CatalogCache catalogCache(@Value("${archivist.catalog.cached-workspaces:1000}") int cachedWorkspaces) {
        return new CatalogCache(cachedWorkspaces);
    }

    @Singleton
    RecordService recordService(
            RecordReads records,
            RecordWrites writes,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            WorkspaceTurns unitOfWork,
            TimeSource time,
            IdGenerator ids,
            LifecyclePolicy policy) {
        return new RecordService(records, writes, catalogs, catalogCache, unitOfWork, time, ids, policy);
    }

    /**
     * What archive, restore and purge run on, for the three use cases that run them: the store's ports, the
     * workspace turns (R14) as their unit of work, and the metrics that hear of each committed operation.
     */
    @Singleton
    LifecycleSetup lifecycleSetup(
            RecordReads records,
            RecordCascades cascades,
            OperationLog log,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            WorkspaceTurns unitOfWork,
            TimeSource time,
            IdGenerator ids,
            LifecyclePolicy policy,
            CommittedMetrics metrics) {
        return new LifecycleSetup(
                records, cascades, log, catalogs, catalogCache, unitOfWork, time, ids, policy, metrics);
    }

    @Singleton
    LifecycleService lifecycleService(LifecycleSetup setup) {
        return new LifecycleService(setup);
    }

    @Singleton
    BulkLifecycleService bulkLifecycleService(LifecycleSetup setup) {
        return new BulkLifecycleService(setup);
    }

    /** R14: archivist.catalog.max-types (ARCHIVIST_CATALOG_MAX_TYPES), for PUT /object-types and seeds alike. */
    @Singleton
    CatalogService catalogService(
            RecordWrites writes,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            WorkspaceTurns unitOfWork,
            @Value("${archivist.catalog.max-types:1000}") int maxTypes) {
        return new CatalogService(writes, catalogs, catalogCache, unitOfWork, maxTypes);
    }

    @Singleton
    OperationService operationService(
            RecordReads records,
            OperationLog log,
            CatalogStore catalogs,
            CatalogCache catalogCache,
            WorkspaceTurns unitOfWork,
            TimeSource time) {
        return new OperationService(records, log, catalogs, catalogCache, unitOfWork, time);
    }

    @Singleton
    OperationRestoreService operationRestoreService(LifecycleSetup setup) {
        return new OperationRestoreService(setup);
    }

    @Singleton
    RetentionService retentionService(
            RecordReads records,
            RecordCascades cascades,
            OperationLog log,
            CatalogStore catalogs,
            WorkspaceTurns unitOfWork,
            TimeSource time,
            IdGenerator ids,
            LifecyclePolicy policy,
            CommittedMetrics metrics) {
        return new RetentionService(records, cascades, log, catalogs, unitOfWork, time, ids, policy, metrics);
    }

    /**
     * SPEC §7: the scheduled jobs take turns through the store. This instance is named as the JVM names its
     * process ({@code pid@host}), which is what the store keeps beside each turn, for people to read.
     */
    @Singleton
    ScheduledWorkService scheduledWorkService(ScheduledTurns turns, TimeSource time) {
        return new ScheduledWorkService(
                turns, time, ManagementFactory.getRuntimeMXBean().getName());
    }

    @Singleton
    IdempotencyService idempotencyService(IdempotencyStore idempotency, WorkspaceTurns unitOfWork, TimeSource time) {
        return new IdempotencyService(idempotency, unitOfWork, time);
    }

    /** Readiness: reads through the store's own unit of work, as clients' reads do (never queued for a turn). */
    @Singleton
    StoreHealthService storeHealthService(RecordReads records, UnitOfWork unitOfWork) {
        return new StoreHealthService(records, unitOfWork);
    }
}
