package io.archivist.application.service.seed;

import io.archivist.domain.CountsPerType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The archive operations of an import (docs/lifecycle.md#seeds): one per record imported archived that does not
 * share the archive time of its nearest archived ancestor, and the operations of the workspace that
 * new records join because they do. A reference is an int kept in SeedIndex: {@code n >= 0} is the
 * n-th operation the import creates, {@code -2 - n} the n-th existing one.
 */
final class SeedOperations {

    private record Created(OperationId id, int root, long at, CountsPerType.Builder counts) {}

    private final List<Created> created = new ArrayList<>();
    private final List<OperationId> existing = new ArrayList<>();
    private final Map<OperationId, Integer> existingRefs = new HashMap<>();

    /** A new operation rooted at seed record {@code root}, archived at {@code at} (epoch millis). */
    int create(UUID id, int root, long at) {
        created.add(new Created(OperationId.of(id), root, at, CountsPerType.builder()));
        return created.size() - 1;
    }

    /** The reference of an operation the workspace has already. */
    int existing(OperationId id) {
        return existingRefs.computeIfAbsent(id, unused -> {
            existing.add(id);
            return -2 - (existing.size() - 1);
        });
    }

    /** One record of {@code type} joins operation {@code ref}; only created operations keep counts. */
    void count(int ref, String type) {
        if (ref >= 0) {
            created.get(ref).counts().add(type);
        }
    }

    OperationId id(int ref) {
        return ref >= 0 ? created.get(ref).id() : existing.get(-2 - ref);
    }

    int createdCount() {
        return created.size();
    }

    /** The operations to log before their records are written; {@code at} is the archive time the seed gives. */
    List<Operation> toLog(WorkspaceId workspace, String actor, SeedIndex index) {
        return created.stream()
                .map(op -> new Operation(
                        op.id(),
                        workspace,
                        OperationKind.ARCHIVE,
                        actor,
                        Instant.ofEpochMilli(op.at()),
                        List.of(RecordId.of(index.id(op.root()))),
                        op.counts().build()))
                .toList();
    }
}
