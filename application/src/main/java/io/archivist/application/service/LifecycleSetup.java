package io.archivist.application.service;

import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;

/**
 * What archive, restore and purge run on, whichever use case asks for them (one record: {@link LifecycleService};
 * many: {@link BulkLifecycleService}; the undo of an archive: {@link OperationRestoreService}): the ports they
 * read and write through, the limits of the policy, and the metrics that hear of each operation. The three
 * use all of it, through the steps they share ({@link Cascades}) and the loading of a caller's workspace.
 */
public record LifecycleSetup(
        RecordReads records,
        RecordCascades cascades,
        OperationLog log,
        CatalogStore catalogs,
        CatalogCache catalogCache,
        UnitOfWork unitOfWork,
        TimeSource time,
        IdGenerator ids,
        LifecyclePolicy policy,
        LifecycleMetrics metrics) {

    Workspaces workspaces() {
        return new Workspaces(records, catalogs, catalogCache, time);
    }

    Cascades cascadeSteps() {
        return new Cascades(records, cascades, log, ids, time, policy, metrics);
    }
}
