package io.archivist.application.port.out;

import io.archivist.domain.LeftArchived;
import io.archivist.domain.UniqueConflict;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a restore would do, without the whole set: counts, and the bounded lists a client acts on. */
public record RestoreOutline(
        Map<String, Long> countsPerType, List<LeftArchived> leftArchived, List<UniqueConflict> conflicts) {

    public RestoreOutline {
        countsPerType = java.util.Collections.unmodifiableMap(new TreeMap<>(countsPerType));
        leftArchived = List.copyOf(leftArchived);
        conflicts = List.copyOf(conflicts);
    }
}
