package io.archivist.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * The dependency graph of one workspace as the {@link CascadePlanner} reads it. Stores that
 * keep a graph in memory implement it directly; set-oriented stores compute the same sets in
 * their query language and are held to the planner's answers by the store contract kit.
 */
public interface RecordGraph {

    Optional<StoredRecord> find(RecordId id);

    /** The records that name {@code parent} among their parents, whatever their state. */
    Collection<StoredRecord> dependentsOf(RecordId parent);

    /** R6: the active record of {@code type} that holds {@code canonicalValue} for {@code attribute}. */
    Optional<RecordId> activeHolder(String type, String attribute, String canonicalValue);
}
