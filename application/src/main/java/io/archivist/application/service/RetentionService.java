package io.archivist.application.service;

import io.archivist.application.port.in.PurgeExpiredUseCase;
import io.archivist.application.port.in.RetentionRun;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.StoreUnavailableException;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    public RetentionRun purgeExpired() {
        Instant now = Workspaces.now(time);
        List<Operation> done = new ArrayList<>();
        List<RetentionRun.Left> left = new ArrayList<>();
        catalogs.typesWithRetention().forEach((workspace, types) -> {
            for (ObjectType type : types) {
                try {
                    purgeType(workspace, type, type.retention().orElseThrow().cutoff(now), done, left);
                } catch (StoreUnavailableException e) {
                    throw e; // every other type would wait for the store in turn: the next run tries again
                } catch (RuntimeException e) {
                    // One type's failure (its workspace busy past write-wait, say) leaves the others to run; what
                    // was purged stays purged (each batch is atomic); the next run tries again.
                    left.add(RetentionRun.Left.failed(workspace, type.name(), e));
                }
            }
        });
        return new RetentionRun(done, left);
    }

    /**
     * One type's due records, oldest first, in batches of at most retentionBatch roots, each batch its own unit of
     * work, so a large backlog never holds one long transaction. A batch whose purge would pass the cascade limit
     * (R14) is halved; a single root that passes it alone is left (and reported) rather than stopping the job for
     * good, and the run goes on with the records after it. At most retentionBatch roots are left per run.
     */
    private void purgeType(
            WorkspaceId workspace,
            ObjectType type,
            Instant cutoff,
            List<Operation> done,
            List<RetentionRun.Left> left) {
        Set<RecordId> overLimit = new HashSet<>();
        int size = policy.retentionBatch();
        while (overLimit.size() < policy.retentionBatch()) {
            Batch batch = new Batch(size, overLimit.size());
            try {
                unitOfWork.write(workspace, () -> {
                    List<RecordId> read =
                            records.archivedBefore(workspace, type.name(), cutoff, batch.size + batch.skipped);
                    batch.full = read.size() == batch.size + batch.skipped;
                    batch.roots =
                            read.stream().filter(id -> !overLimit.contains(id)).toList();
                    batch.purged = batch.roots.isEmpty() ? null : cascades.purge(Caller.system(workspace), batch.due());
                    return null;
                });
            } catch (ArchivistException e) {
                if (e.code() != ErrorCode.LIMIT_EXCEEDED) {
                    throw e;
                }
                List<RecordId> tried = batch.due();
                if (tried.size() > 1) {
                    size = tried.size() / 2;
                } else {
                    overLimit.add(tried.get(0));
                    left.add(RetentionRun.Left.overTheCascadeLimit(workspace, type.name(), tried.get(0)));
                }
                continue;
            }
            if (batch.purged != null) {
                done.add(batch.purged);
            }
            if (!batch.full) {
                return;
            }
        }
    }

    /** One batch's attempt, as its unit of work (which may run more than once) last saw it. */
    private static final class Batch {
        final int size;
        /** Roots passed over: each reaches more than the cascade limit alone. */
        final int skipped;

        /** The read filled its limit: due records may lie behind it. */
        boolean full;

        List<RecordId> roots = List.of();
        Operation purged;

        Batch(int size, int skipped) {
            this.size = size;
            this.skipped = skipped;
        }

        List<RecordId> due() {
            return roots.subList(0, Math.min(size, roots.size()));
        }
    }
}
