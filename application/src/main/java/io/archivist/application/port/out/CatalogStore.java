package io.archivist.application.port.out;

import io.archivist.domain.ObjectType;
import io.archivist.domain.WorkspaceId;

import java.util.List;
import java.util.Map;

/** The object types each workspace defined (the built-in user type is implied, not stored). */
public interface CatalogStore {

    List<ObjectType> types(WorkspaceId workspace);

    /** Inserts or replaces the type of that name. */
    void save(WorkspaceId workspace, ObjectType type);

    /** R11: every workspace's types that have a retention. */
    Map<WorkspaceId, List<ObjectType>> typesWithRetention();
}
