package io.archivist.application.service;

import io.archivist.application.port.in.PurgeExpiredUseCase;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * R11: purges, as actor {@code system}, the archived records whose type's retention has passed,
 * with their dependents (R3), in operations of at most {@code retentionBatch} roots.
 */
public final class RetentionService implements PurgeExpiredUseCase {

    private final RecordReads records;
    private final CatalogStore catalogs;
    private final UnitOfWork unitOfWork;
    private final TimeSource time;
    private final Cascades cascades;
    private final LifecyclePolicy policy;

    public RetentionService(
            RecordReads records,
            RecordCascades cascades,
            OperationLog log,
            CatalogStore catalogs,
            UnitOfWork unitOfWork,
            TimeSource time,
            IdGenerator ids,
            LifecyclePolicy policy,
            LifecycleMetrics metrics) {
        this.records = records;
        this.catalogs = catalogs;
        this.unitOfWork = unitOfWork;
        this.time = time;
        this.cascades = new Cascades(records, cascades, log, ids, time, policy, metrics);
        this.policy = policy;
    }

    @Override
    public List<Operation> purgeExpired() {
        Instant now = Workspaces.now(time);
        List<Operation> done = new ArrayList<>();
        catalogs.typesWithRetention().forEach((workspace, types) -> {
            for (ObjectType type : types) {
                Instant cutoff = type.retention().orElseThrow().cutoff(now);
                while (purgeBatch(workspace, type, cutoff, done)) {
                    // each batch is its own unit of work, so a large backlog never holds one long transaction
                }
            }
        });
        return done;
    }

    private boolean purgeBatch(WorkspaceId workspace, ObjectType type, Instant cutoff, List<Operation> done) {
        return unitOfWork.write(workspace, () -> {
            List<RecordId> due = records.archivedBefore(workspace, type.name(), cutoff, policy.retentionBatch());
            if (due.isEmpty()) {
                return false;
            }
            done.add(cascades.purge(Caller.system(workspace), due));
            return due.size() == policy.retentionBatch();
        });
    }
}
