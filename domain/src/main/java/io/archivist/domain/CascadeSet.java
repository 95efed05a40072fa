package io.archivist.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The records one cascade changes, parents before dependents, with their counts per type. */
public record CascadeSet(Set<RecordId> ids, Map<String, Long> countsPerType) {

    public CascadeSet {
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        countsPerType = Collections.unmodifiableMap(new TreeMap<>(countsPerType));
    }

    public boolean contains(RecordId id) {
        return ids.contains(id);
    }

    public int size() {
        return ids.size();
    }
}
