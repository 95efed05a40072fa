package io.archivist.application.service;

import io.archivist.application.port.in.PurgeExpiredUseCase;
import io.archivist.application.port.out.Ports;
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

    private final Ports ports;
    private final Workspaces workspaces;
    private final Cascades cascades;
    private final LifecyclePolicy policy;

    public RetentionService(Ports ports, LifecyclePolicy policy) {
        this.ports = ports;
        this.workspaces = new Workspaces(ports);
        this.cascades = new Cascades(ports, workspaces, policy);
        this.policy = policy;
    }

    @Override
    public List<Operation> purgeExpired() {
        Instant now = workspaces.now();
        List<Operation> done = new ArrayList<>();
        ports.catalogs().typesWithRetention().forEach((workspace, types) -> {
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
        return ports.unitOfWork().write(workspace, () -> {
            List<RecordId> due = ports.records().archivedBefore(workspace, type.name(), cutoff, policy.retentionBatch());
            if (due.isEmpty()) {
                return false;
            }
            done.add(cascades.purge(Caller.system(workspace), due));
            return due.size() == policy.retentionBatch();
        });
    }
}
