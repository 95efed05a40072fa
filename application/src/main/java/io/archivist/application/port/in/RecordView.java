package io.archivist.application.port.in;

import io.archivist.domain.StoredRecord;

import java.time.Instant;
import java.util.Optional;

/** A record as clients see it: with {@code purge_after} when its type has a retention (R11). */
public record RecordView(StoredRecord record, Optional<Instant> purgeAfter) {
}
