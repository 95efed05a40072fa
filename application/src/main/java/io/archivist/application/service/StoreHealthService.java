package io.archivist.application.service;

import io.archivist.application.port.in.StoreHealthQuery;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.StoreUnavailableException;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.UUID;

/**
 * Asks the store for a record that never exists, by its key, in a workspace of its own: the cheapest read every
 * store has, through the same ports and unit of work as a client's read, so it fails when theirs would.
 */
public final class StoreHealthService implements StoreHealthQuery {

    /** A token may name this workspace too; the probe only reads, and asks for an id the service never gives. */
    static final WorkspaceId PROBE = WorkspaceId.of("archivist.readiness");

    /** The nil UUID: ids are time-ordered UUIDs (TimeOrderedIds), never this one. */
    private static final RecordId NO_RECORD = RecordId.of(new UUID(0, 0));

    private final RecordReads records;
    private final UnitOfWork unitOfWork;

    public StoreHealthService(RecordReads records, UnitOfWork unitOfWork) {
        this.records = records;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public boolean storeAnswers() {
        try {
            unitOfWork.readLatest(PROBE, () -> records.find(PROBE, NO_RECORD));
            return true;
        } catch (StoreUnavailableException unreachable) {
            return false;
        }
    }
}
