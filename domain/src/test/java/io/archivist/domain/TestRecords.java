package io.archivist.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Single records for the per-record rules, without a graph around them. */
final class TestRecords {

    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private TestRecords() {}

    static StoredRecord active(String type, RecordId... parents) {
        return StoredRecord.create(
                RecordId.of(UUID.randomUUID()),
                TestGraph.WORKSPACE,
                type,
                Optional.empty(),
                Map.of(),
                List.of(parents),
                "tester",
                AT);
    }

    static StoredRecord archived(String type, RecordId... parents) {
        return active(type, parents).archivedBy(OperationId.of(UUID.randomUUID()), "tester", AT.plusSeconds(60));
    }
}
