package io.archivist.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** The records one cascade changes, parents before dependents, with their counts per type. */
public record CascadeSet(Set<RecordId> ids, CountsPerType countsPerType) {

    public CascadeSet {
        ids = Collections.unmodifiableSet(new LinkedHashSet<>(ids));
        Objects.requireNonNull(countsPerType, "countsPerType");
    }

    public boolean contains(RecordId id) {
        return ids.contains(id);
    }

    public int size() {
        return ids.size();
    }
}
