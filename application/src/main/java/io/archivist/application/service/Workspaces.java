package io.archivist.application.service;

import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.out.CatalogCache;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.TimeSource;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Catalog;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** What every service reads about a workspace: its catalog, a record, the caller's own user, the time. */
public final class Workspaces {

    private final RecordReads records;
    private final CatalogStore catalogs;
    private final CatalogCache cache;
    private final TimeSource time;

    Workspaces(RecordReads records, CatalogStore catalogs, CatalogCache cache, TimeSource time) {
        this.records = records;
        this.catalogs = catalogs;
        this.cache = cache;
        this.time = time;
    }

    /**
     * The workspace's catalog: the cached one while the store's version is the one it was read at,
     * else read and built again. A catalog is only ever cached with the version read together with
     * its types, so a change by any instance (a new version) is seen by the next request.
     */
    Catalog catalog(Caller caller) {
        return catalog(catalogs, cache, caller);
    }

    /** {@link #catalog(Caller)}, for a service that reads nothing else of the workspace. */
    public static Catalog catalog(CatalogStore catalogs, CatalogCache cache, Caller caller) {
        return catalogAt(catalogs, cache, caller, catalogs.version(caller.workspace()));
    }

    /** The workspace's catalog at {@code version}, which a read of the store just gave along with what it read. */
    Catalog catalogAt(Caller caller, long version) {
        return catalogAt(catalogs, cache, caller, version);
    }

    /** The workspace's catalog when its version was just read as {@code version}: from the cache if held at it. */
    private static Catalog catalogAt(CatalogStore catalogs, CatalogCache cache, Caller caller, long version) {
        WorkspaceId workspace = caller.workspace();
        return cache.find(workspace, version).orElseGet(() -> {
            CatalogStore.Snapshot stored = catalogs.load(workspace);
            Catalog catalog = Catalog.of(stored.types());
            cache.put(workspace, stored.version(), catalog);
            return catalog;
        });
    }

    /** The record in the caller's workspace; another workspace's is as unknown as a purged one (a 404). */
    StoredRecord record(Caller caller, RecordId id) {
        return record(records, caller, id);
    }

    /**
     * The record in the caller's workspace as clients see it, read with its catalog's version: one
     * statement on the JDBC store while this instance holds that catalog (see RecordReads#findWithCatalogVersion).
     */
    RecordView view(Caller caller, RecordId id) {
        RecordReads.WithCatalogVersion found = records.findWithCatalogVersion(caller.workspace(), id, catalogs)
                .orElseThrow(() -> ArchivistException.notFound(id));
        return view(catalogAt(catalogs, cache, caller, found.catalogVersion()), found.record());
    }

    /** {@link #record(Caller, RecordId)}, for a service that reads nothing else of the workspace. */
    static StoredRecord record(RecordReads records, Caller caller, RecordId id) {
        return records.find(caller.workspace(), id).orElseThrow(() -> ArchivistException.notFound(id));
    }

    /** docs/lifecycle.md#concepts: the active user whose username is the caller's subject; the built-in actors have none. */
    Optional<RecordId> ownUser(Caller caller) {
        return ownUser(records, caller);
    }

    static Optional<RecordId> ownUser(RecordReads records, Caller caller) {
        if (!caller.human()) {
            return Optional.empty();
        }
        return records.activeHolder(
                caller.workspace(),
                ObjectType.USER,
                ObjectType.USERNAME,
                UniqueValues.canonical(ObjectType.USERNAME, caller.actor()));
    }

    RecordView view(Catalog catalog, StoredRecord record) {
        return new RecordView(
                record, catalog.titleOf(record), catalog.find(record.type()).flatMap(record::purgeAfter));
    }

    /** Millisecond precision: what every store (MongoDB dates included) keeps exactly. */
    Instant now() {
        return now(time);
    }

    public static Instant now(TimeSource time) {
        return time.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
