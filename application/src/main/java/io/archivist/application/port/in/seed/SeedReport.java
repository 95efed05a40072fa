package io.archivist.application.port.in.seed;

import io.archivist.domain.WorkspaceId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, or with {@code dryRun} would do: object types and records created, updated
 * and unchanged per type, and the archive operations it created for records imported archived.
 * {@code warnings} (at most a few hundred of {@code warningCount}) name records whose state in the
 * workspace differs from the seed's and was kept: a seed never archives or restores a record that exists.
 */
public record SeedReport(
        WorkspaceId workspace,
        boolean dryRun,
        long records,
        Counts objectTypes,
        Map<String, Counts> recordsPerType,
        long operationsCreated,
        List<String> warnings,
        long warningCount) {

    public SeedReport {
        recordsPerType = Collections.unmodifiableMap(new TreeMap<>(recordsPerType));
        warnings = List.copyOf(warnings);
    }

    public record Counts(long created, long updated, long unchanged) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(created + other.created, updated + other.updated, unchanged + other.unchanged);
        }

        public long total() {
            return created + updated + unchanged;
        }
    }

    /** Records created, updated and unchanged over every type. */
    public Counts recordTotals() {
        return recordsPerType.values().stream().reduce(Counts.NONE, Counts::plus);
    }
}
