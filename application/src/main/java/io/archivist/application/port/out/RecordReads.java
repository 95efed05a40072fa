package io.archivist.application.port.out;

import io.archivist.domain.Limits;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads of the records of every workspace. Every method is scoped to one workspace and sees nothing
 * of another.
 */
public interface RecordReads {

    Optional<StoredRecord> find(WorkspaceId workspace, RecordId id);

    /** A record with the version of its workspace's catalog ({@link CatalogStore#version}). */
    record WithCatalogVersion(StoredRecord record, long catalogVersion) {}

    /**
     * A point read that also says which catalog the record is to be shown with (its title, its
     * purge_after), so that a service holding that catalog in its cache needs nothing more. This
     * default reads the version, then the record; a store that reads both in one statement
     * overrides it (the JDBC store), so that a point read stays one round trip.
     */
    default Optional<WithCatalogVersion> findWithCatalogVersion(
            WorkspaceId workspace, RecordId id, CatalogStore catalogs) {
        long version = catalogs.version(workspace);
        return find(workspace, id).map(record -> new WithCatalogVersion(record, version));
    }

    /** The records among {@code ids} that exist in the workspace, in any order. */
    List<StoredRecord> findAll(WorkspaceId workspace, Collection<RecordId> ids);

    Optional<StoredRecord> findByKey(WorkspaceId workspace, String type, String key);

    /** R6: the active record of {@code type} holding {@code canonicalValue} (see UniqueValues) for {@code attribute}. */
    Optional<RecordId> activeHolder(WorkspaceId workspace, String type, String attribute, String canonicalValue);

    /**
     * A keyset page: records matching {@code filter} ({@link RecordFilter#matches}) that come after
     * {@code after} in the filter's order ({@link RecordFilter#order}), in that order. Each filter is
     * served by an index where the store has one for it; docs/api.md#finding says what each costs.
     */
    List<StoredRecord> page(WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit);

    /**
     * R14: a listing's page, at most {@code limit} records and, past its first record, at most
     * {@code maxBytes} of attributes (their JSON text's length, see {@link Limits#jsonLength}): a page
     * cut short by its bytes has {@code more}, so that the client gets a cursor. A store overrides this
     * to stop reading at the budget; this default reads {@code limit + 1} records and cuts them.
     */
    default Page pageWithin(
            WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit, long maxBytes) {
        return Page.cut(page(workspace, filter, after, limit + 1), limit, maxBytes);
    }

    /**
     * A page of {@link #pageWithin}; {@code more} when records follow it. {@code catalogVersion}: the
     * workspace's catalog version ({@link CatalogStore#version}) if the store read it in the same
     * statement as a page that has records, so that the service needs no read of its own to show them.
     */
    record Page(List<StoredRecord> records, boolean more, OptionalLong catalogVersion) {
        public Page {
            records = List.copyOf(records);
            catalogVersion = catalogVersion == null ? OptionalLong.empty() : catalogVersion;
        }

        public Page(List<StoredRecord> records, boolean more) {
            this(records, more, OptionalLong.empty());
        }

        /** The first of {@code found} that fit {@code limit} and {@code maxBytes} (the first always does). */
        public static Page cut(List<StoredRecord> found, int limit, long maxBytes) {
            long bytes = 0;
            int taken = 0;
            while (taken < Math.min(limit, found.size())) {
                bytes += Limits.jsonLength(found.get(taken).attributes());
                if (taken > 0 && bytes > maxBytes) {
                    break;
                }
                taken++;
            }
            return new Page(found.subList(0, taken), taken < found.size());
        }
    }

    /** R11: archived records of {@code type} archived at or before {@code cutoff}, at most {@code limit}. */
    List<RecordId> archivedBefore(WorkspaceId workspace, String type, Instant cutoff, int limit);
}
