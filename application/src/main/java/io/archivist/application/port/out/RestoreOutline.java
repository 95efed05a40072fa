package io.archivist.application.port.out;

import io.archivist.domain.CountsPerType;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a restore would do, without the whole set: counts, the bounded lists a client acts on, and the
 * first records of each type that would come back (R13; in id order, as many as asked for).
 */
public record RestoreOutline(
        CountsPerType countsPerType,
        List<LeftArchived> leftArchived,
        List<UniqueConflict> conflicts,
        List<StoredRecord> first) {

    public RestoreOutline {
        Objects.requireNonNull(countsPerType, "countsPerType");
        leftArchived = List.copyOf(leftArchived);
        conflicts = List.copyOf(conflicts);
        first = List.copyOf(first);
    }

    /** An outline that names none of the records that would come back. */
    public RestoreOutline(
            CountsPerType countsPerType, List<LeftArchived> leftArchived, List<UniqueConflict> conflicts) {
        this(countsPerType, leftArchived, conflicts, List.of());
    }

    /** The JDBC store's cascade queries build their counts as a map (until they build CountsPerType). */
    public RestoreOutline(
            Map<String, Long> countsPerType,
            List<LeftArchived> leftArchived,
            List<UniqueConflict> conflicts,
            List<StoredRecord> first) {
        this(CountsPerType.of(countsPerType), leftArchived, conflicts, first);
    }
}
