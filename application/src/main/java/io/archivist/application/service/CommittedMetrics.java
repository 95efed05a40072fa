package io.archivist.application.service;

import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.domain.Operation;
import io.archivist.domain.WorkspaceId;
import java.time.Duration;
import java.util.Objects;

/**
 * The metrics as the services report them: an operation or a seed import is told to {@code metrics} only once
 * the write that made it has committed ({@link WorkspaceTurns#afterCommit}), so that a unit of work that rolls
 * back (an atomic bulk request refused half-way, say) or that the store runs again is never counted, or
 * counted twice. Waits for a turn are told by {@link WorkspaceTurns} itself, as they end.
 */
public final class CommittedMetrics implements LifecycleMetrics {

    private final WorkspaceTurns turns;
    private final LifecycleMetrics metrics;

    public CommittedMetrics(WorkspaceTurns turns, LifecycleMetrics metrics) {
        this.turns = Objects.requireNonNull(turns, "turns");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void turnWaited(WorkspaceId workspace, Duration waited, boolean granted) {
        metrics.turnWaited(workspace, waited, granted);
    }

    @Override
    public void operationCommitted(Operation operation, Duration cascade) {
        turns.afterCommit(() -> metrics.operationCommitted(operation, cascade));
    }

    @Override
    public void seedImported(WorkspaceId workspace, long records, Duration took) {
        turns.afterCommit(() -> metrics.seedImported(workspace, records, took));
    }
}
