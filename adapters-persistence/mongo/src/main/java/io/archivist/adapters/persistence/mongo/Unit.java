package io.archivist.adapters.persistence.mongo;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.WorkspaceId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One unit of work under way in this process: the workspace lease it holds and what it did so far. */
final class Unit {

    final String id = UUID.randomUUID().toString();
    final WorkspaceId workspace;
    /** Set by the heartbeat when the lease could not be renewed: another process may be recovering us. */
    private volatile boolean lost;
    /** Whether a before-image was taken: then the unit ends through the committed state. */
    private boolean shadowed;
    /** Whether any store wrote in this unit: a unit that wrote nothing has nothing to roll back. */
    private boolean wrote;
    /**
     * How the records held archived by archive operations changed in this unit's cascades, by operation id
     * (OperationLog): written with the next operation the unit logs, in the same command.
     */
    private final Map<String, Long> held = new LinkedHashMap<>();

    Unit(WorkspaceId workspace) {
        this.workspace = workspace;
    }

    String workspaceName() {
        return workspace.value();
    }

    void markLost() {
        lost = true;
    }

    boolean lost() {
        return lost;
    }

    void markWrote() {
        wrote = true;
    }

    boolean wrote() {
        return wrote;
    }

    void markShadowed() {
        shadowed = true;
    }

    boolean shadowed() {
        return shadowed;
    }

    /** A cascade archived ({@code records} > 0) or took off ({@code records} < 0) records of an archive operation. */
    void held(String operation, long records) {
        held.merge(operation, records, Long::sum);
    }

    /** What {@link #held} gathered since the last call, which forgets it. */
    Map<String, Long> takeHeld() {
        Map<String, Long> taken = new LinkedHashMap<>(held);
        held.clear();
        return taken;
    }

    /** Called before every write: a unit that lost its lease must not write any more. */
    void requireHeld() {
        if (lost) {
            throw leaseLost(workspace);
        }
    }

    static ArchivistException leaseLost(WorkspaceId workspace) {
        return new ArchivistException(
                ErrorCode.CONCURRENT_MODIFICATION,
                "the write lease of workspace " + workspace
                        + " expired before the unit of work ended; it was rolled back, try again");
    }
}
