package io.archivist.adapters.rest;

import io.archivist.adapters.rest.wiring.ArchivistFactory;
import io.archivist.application.port.in.PurgeExpiredUseCase;
import io.archivist.application.port.in.RetentionRun;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.RetentionService;
import io.archivist.application.service.WorkspaceTurns;
import io.archivist.domain.Operation;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real retention use case, remembering the operations of every run, so that a test can find them. */
@Singleton
@Requires(property = "archivist.test.record-retention", value = "true")
@Replaces(bean = RetentionService.class, factory = ArchivistFactory.class)
class RecordingRetention implements PurgeExpiredUseCase {

    private final RetentionService service;
    final List<Operation> operations = new CopyOnWriteArrayList<>();

    RecordingRetention(
            RecordReads records,
            RecordCascades cascades,
            OperationLog log,
            CatalogStore catalogs,
            WorkspaceTurns unitOfWork,
            TimeSource time,
            IdGenerator ids,
            LifecyclePolicy policy) {
        this.service = new RetentionService(
                records, cascades, log, catalogs, unitOfWork, time, ids, policy, LifecycleMetrics.NONE);
    }

    @Override
    public RetentionRun purgeExpired() {
        RetentionRun run = service.purgeExpired();
        operations.addAll(run.operations());
        return run;
    }
}
