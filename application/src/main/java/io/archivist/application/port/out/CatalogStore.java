package io.archivist.application.port.out;

import io.archivist.domain.ObjectType;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The object types each workspace defined (the built-in user type is implied, not stored), and the
 * version of each workspace's catalog, which lets every service instance cache the catalog and
 * still see a change that another instance made (the README's section on sharding).
 */
public interface CatalogStore {

    /** A workspace's types and the catalog version they are at, read as one committed state. */
    record Snapshot(long version, List<ObjectType> types) {
        public Snapshot {
            types = List.copyOf(types);
        }
    }

    /** The version a workspace's catalog has before its first change. */
    long NEVER_CHANGED = 0;

    /**
     * The version of the workspace's catalog: it moves on with every change of its types, in the
     * same unit of work, to a value it never had before (see {@link #newVersion}). A cheap point read.
     */
    long version(WorkspaceId workspace);

    /** The workspace's types with their version, read together (one statement or one consistent read). */
    Snapshot load(WorkspaceId workspace);

    default List<ObjectType> types(WorkspaceId workspace) {
        return load(workspace).types();
    }

    /**
     * Inserts or replaces each of these types, in a constant number of statements or commands
     * however many they are, and moves the version on once.
     */
    void saveAll(WorkspaceId workspace, List<ObjectType> types);

    /** Inserts or replaces the type of that name. */
    default void save(WorkspaceId workspace, ObjectType type) {
        saveAll(workspace, List.of(type));
    }

    /** R11: every workspace's types that have a retention. */
    Map<WorkspaceId, List<ObjectType>> typesWithRetention();

    /**
     * A version for a change. Random rather than counted: a change that is rolled back leaves its
     * version in no store, yet a cache may have seen it inside its unit; a counter would give the
     * same number to the next change, and that cache would take the rolled-back catalog for it.
     */
    static long newVersion() {
        long version;
        do {
            version = ThreadLocalRandom.current().nextLong();
        } while (version == NEVER_CHANGED);
        return version;
    }
}
