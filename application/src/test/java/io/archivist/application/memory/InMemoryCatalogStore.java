package io.archivist.application.memory;

import io.archivist.application.port.out.CatalogStore;
import io.archivist.domain.ObjectType;
import io.archivist.domain.WorkspaceId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class InMemoryCatalogStore implements CatalogStore {

    private final InMemoryStore store;

    InMemoryCatalogStore(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public List<ObjectType> types(WorkspaceId workspace) {
        return store.in(workspace, tables -> List.copyOf(tables.types.values()));
    }

    @Override
    public void save(WorkspaceId workspace, ObjectType type) {
        store.in(workspace, tables -> tables.types.put(type.name(), type));
    }

    @Override
    public Map<WorkspaceId, List<ObjectType>> typesWithRetention() {
        Map<WorkspaceId, List<ObjectType>> found = new HashMap<>();
        for (WorkspaceId workspace : store.workspaces()) {
            List<ObjectType> types = store.in(workspace, tables -> tables.types.values().stream()
                    .filter(type -> type.retention().isPresent()).toList());
            if (!types.isEmpty()) {
                found.put(workspace, types);
            }
        }
        return found;
    }
}
