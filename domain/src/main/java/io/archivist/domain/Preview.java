package io.archivist.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** R13: what an archive, restore or purge would do, computed without changing anything. */
public record Preview(
        OperationKind action,
        List<RecordId> roots,
        Map<String, Long> countsPerType,
        List<LeftArchived> leftArchived,
        List<Blocker> blockers) {

    public Preview {
        roots = List.copyOf(roots);
        countsPerType = java.util.Collections.unmodifiableMap(new TreeMap<>(countsPerType));
        leftArchived = List.copyOf(leftArchived);
        blockers = List.copyOf(blockers);
    }

    public boolean allowed() {
        return blockers.isEmpty();
    }

    public long total() {
        return countsPerType.values().stream().mapToLong(Long::longValue).sum();
    }
}
