package io.archivist.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One archive, restore or purge, whatever its size (docs/lifecycle.md#concepts). Every record an archive
 * touches carries its id, which is what makes "restore exactly what was archived together"
 * exact. The log keeps ids and counts, never attributes.
 */
public record Operation(
        OperationId id,
        WorkspaceId workspace,
        OperationKind kind,
        String actor,
        Instant at,
        List<RecordId> roots,
        CountsPerType countsPerType) {

    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        roots = List.copyOf(roots);
        Objects.requireNonNull(countsPerType, "countsPerType");
    }

    /** An operation about to run: its counts are known once the store has applied it. */
    public static Operation begin(
            OperationId id, WorkspaceId workspace, OperationKind kind, String actor, Instant at, List<RecordId> roots) {
        return new Operation(id, workspace, kind, actor, at, roots, CountsPerType.none());
    }

    /** The operation as logged once applied: the roots it did act on, and what it changed per type. */
    public Operation finish(List<RecordId> appliedRoots, CountsPerType counts) {
        return new Operation(id, workspace, kind, actor, at, appliedRoots, counts);
    }

    public long total() {
        return countsPerType.total();
    }
}
