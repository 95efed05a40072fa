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
    public long version(WorkspaceId workspace) {
        return store.in(workspace, tables -> tables.catalogVersion);
    }

    @Override
    public Snapshot load(WorkspaceId workspace) {
        return store.in(workspace, tables -> new Snapshot(tables.catalogVersion, List.copyOf(tables.types.values())));
    }

    @Override
    public void saveAll(WorkspaceId workspace, List<ObjectType> types) {
        store.in(workspace, tables -> {
            types.forEach(type -> tables.types.put(type.name(), type));
            tables.catalogVersion = CatalogStore.newVersion();
            return null;
        });
    }

    @Override
    public Map<WorkspaceId, List<ObjectType>> typesWithRetention() {
        Map<WorkspaceId, List<ObjectType>> found = new HashMap<>();
        for (WorkspaceId workspace : store.workspaces()) {
            List<ObjectType> types = store.in(
                    workspace,
                    tables -> tables.types.values().stream()
                            .filter(type -> type.retention().isPresent())
                            .toList());
            if (!types.isEmpty()) {
                found.put(workspace, types);
            }
        }
        return found;
    }
}
