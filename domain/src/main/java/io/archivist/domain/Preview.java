package io.archivist.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * R13: what an archive, restore or purge would do, computed without changing anything: the counts per type
 * and, beside them, the first records of each type by name ({@code named}, at most {@link #NAMED_PER_TYPE}
 * each, in id order), what would stay archived and why, the blockers, and for a purge the archive
 * operations of other records it would destroy too ({@code alsoDestroys}, the largest first, at most
 * {@link #NAMED_PER_TYPE} of them).
 */
public record Preview(
        OperationKind action,
        List<RecordId> roots,
        CountsPerType countsPerType,
        Map<String, List<NamedRecord>> named,
        List<LeftArchived> leftArchived,
        List<Blocker> blockers,
        List<AlsoDestroyed> alsoDestroys) {

    /** How many records of each type, and how many other archive operations, a preview names. */
    public static final int NAMED_PER_TYPE = 20;

    /** R13: records archived by another operation that a purge would destroy with the ones it names. */
    public record AlsoDestroyed(OperationId operation, long count) {}

    public Preview {
        roots = List.copyOf(roots);
        java.util.Objects.requireNonNull(countsPerType, "countsPerType");
        Map<String, List<NamedRecord>> byType = new TreeMap<>();
        named.forEach((type, records) -> byType.put(type, List.copyOf(records)));
        named = java.util.Collections.unmodifiableMap(byType);
        leftArchived = List.copyOf(leftArchived);
        blockers = List.copyOf(blockers);
        alsoDestroys = List.copyOf(alsoDestroys);
    }

    /** A preview that names nothing (an action with nothing to do). */
    public Preview(
            OperationKind action,
            List<RecordId> roots,
            CountsPerType countsPerType,
            List<LeftArchived> leftArchived,
            List<Blocker> blockers) {
        this(action, roots, countsPerType, new LinkedHashMap<>(), leftArchived, blockers, List.of());
    }

    public boolean allowed() {
        return blockers.isEmpty();
    }

    public long total() {
        return countsPerType.total();
    }
}
