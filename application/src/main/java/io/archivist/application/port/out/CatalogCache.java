package io.archivist.application.port.out;

import io.archivist.domain.Catalog;
import io.archivist.domain.WorkspaceId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogs one service instance keeps in memory, each with the version it was read at
 * ({@link CatalogStore#version}): a request reuses a catalog while the store's version is the same,
 * so it neither reads nor rebuilds it. Bounded: past {@code workspaces} entries the least recently
 * used goes. Shared by every service of the instance (the composition root hands the same one to each); thread-safe.
 */
public final class CatalogCache {

    /** archivist.catalog.cached-workspaces, unless set. */
    public static final int DEFAULT_WORKSPACES = 1_000;

    private record Entry(long version, Catalog catalog) {}

    private final Map<WorkspaceId, Entry> entries;

    public CatalogCache(int workspaces) {
        if (workspaces < 1) {
            throw new IllegalArgumentException("the catalog cache holds at least one workspace, not " + workspaces);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<WorkspaceId, Entry> eldest) {
                return super.size() > workspaces; // the map's own size, not the cache's synchronized size()
            }
        };
    }

    /** The workspace's catalog, if this instance holds it at {@code version}. */
    public synchronized Optional<Catalog> find(WorkspaceId workspace, long version) {
        Entry entry = entries.get(workspace);
        return entry != null && entry.version() == version ? Optional.of(entry.catalog()) : Optional.empty();
    }

    public synchronized void put(WorkspaceId workspace, long version, Catalog catalog) {
        entries.put(workspace, new Entry(version, catalog));
    }

    synchronized int size() {
        return entries.size();
    }
}
