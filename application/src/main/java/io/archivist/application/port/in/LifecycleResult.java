package io.archivist.application.port.in;

import io.archivist.domain.LeftArchived;
import io.archivist.domain.Operation;
import java.util.List;
import java.util.Optional;

/**
 * What an archive, restore or purge did. {@code UNCHANGED} answers a request for the state the
 * record already has (PATCH with archived:true on an archived record): no operation, nothing changed.
 */
public record LifecycleResult(
        Outcome outcome, Optional<Operation> operation, Optional<RecordView> record, List<LeftArchived> leftArchived) {

    public enum Outcome {
        ARCHIVED,
        RESTORED,
        PURGED,
        UNCHANGED
    }

    public LifecycleResult {
        leftArchived = List.copyOf(leftArchived);
    }
}
