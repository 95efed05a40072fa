package io.archivist.application.port.in;

import io.archivist.domain.StoredRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A record as clients see it: with its {@code title} (docs/lifecycle.md#concepts, ObjectType#titleOf),
 * and {@code purge_after} when its type has a retention (R11).
 */
public record RecordView(StoredRecord record, String title, Optional<Instant> purgeAfter) {

    /**
     * The members of a record that the service sets (docs/lifecycle.md#record), as clients name them: a
     * request body or a seed that gives one is refused as read-only, never silently applied (SPEC §4).
     */
    public static final Set<String> SERVICE_FIELDS = Set.of(
            "id",
            "deleted_at",
            "archive_operation",
            "version",
            "created_at",
            "created_by",
            "updated_at",
            "updated_by",
            "title",
            "purge_after");
}
