package io.archivist.application.port.out;

import io.archivist.domain.CountsPerType;
import io.archivist.domain.OperationId;
import io.archivist.domain.StoredRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * R13: what an archive or a purge would change, without the whole set: counts per type, the first records
 * of each type (in id order, as many as asked for), and for a purge the archive operations that hold
 * records of the set, with how many each (the largest first, as many as asked for past the roots' own).
 */
public record CascadeOutline(CountsPerType countsPerType, List<StoredRecord> first, Map<OperationId, Long> archivedBy) {

    public CascadeOutline {
        Objects.requireNonNull(countsPerType, "countsPerType");
        first = List.copyOf(first);
        archivedBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(archivedBy));
    }

    /** Counts alone: what {@link RecordCascades#countArchive} and {@link RecordCascades#countPurge} ask for. */
    public static CascadeOutline counts(CountsPerType countsPerType) {
        return new CascadeOutline(countsPerType, List.of(), Map.of());
    }

    /** The JDBC store's cascade queries build their counts as a map (until they build CountsPerType). */
    public CascadeOutline(
            Map<String, Long> countsPerType, List<StoredRecord> first, Map<OperationId, Long> archivedBy) {
        this(CountsPerType.of(countsPerType), first, archivedBy);
    }

    /** {@link #counts(CountsPerType)}, for the JDBC store's cascade queries (see above). */
    public static CascadeOutline counts(Map<String, Long> countsPerType) {
        return counts(CountsPerType.of(countsPerType));
    }
}
