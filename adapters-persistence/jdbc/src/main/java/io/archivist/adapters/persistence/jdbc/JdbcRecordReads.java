package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.RecordReads;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads of records on H2, PostgreSQL or MariaDB; writes of single records and batches are
 * JdbcRecordWrites, the set-oriented cascades JdbcCascades.
 */
final class JdbcRecordReads implements RecordReads {

    /** Ids per IN list when a caller hands over many (bulk requests, seed batches). */
    static final int IN_LIST_CHUNK = 1000;

    private final JdbcDatabase db;
    private final RecordPageQueries pages;

    JdbcRecordReads(JdbcDatabase db) {
        this.db = db;
        this.pages = new RecordPageQueries(db.dialect);
    }

    @Override
    public Optional<StoredRecord> find(WorkspaceId workspace, RecordId id) {
        return db.transactions.statements(c -> db.sql.first(
                c,
                "SELECT " + RecordRows.COLUMNS + " FROM records WHERE workspace = ? AND id = ?",
                RecordRows.mapper(db.sql),
                workspace,
                id));
    }

    /** One statement: the workspace's catalog version comes with the record, as one committed state. */
    @Override
    public Optional<WithCatalogVersion> findWithCatalogVersion(
            WorkspaceId workspace, RecordId id, CatalogStore catalogs) {
        Sql.Row<StoredRecord> record = RecordRows.mapper(db.sql);
        return db.transactions.statements(c -> db.sql.first(
                c,
                "SELECT " + RecordRows.COLUMNS + ", (SELECT catalog_version FROM workspaces WHERE id = ?)"
                        + " AS catalog_version FROM records WHERE workspace = ? AND id = ?",
                // No workspace row (nothing written through a unit yet): a catalog never changed; getLong gives 0.
                rows -> new WithCatalogVersion(record.map(rows), rows.getLong("catalog_version")),
                workspace,
                workspace,
                id));
    }

    @Override
    public List<StoredRecord> findAll(WorkspaceId workspace, Collection<RecordId> ids) {
        List<RecordId> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        return db.transactions.statements(c -> {
            List<StoredRecord> found = new ArrayList<>();
            for (int from = 0; from < distinct.size(); from += IN_LIST_CHUNK) {
                List<RecordId> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_LIST_CHUNK));
                found.addAll(db.sql.list(
                        c,
                        Query.of(
                                        "SELECT " + RecordRows.COLUMNS
                                                + " FROM records WHERE workspace = ? AND id IN (",
                                        workspace)
                                .in(chunk)
                                .add(")"),
                        RecordRows.mapper(db.sql)));
            }
            return found;
        });
    }

    @Override
    public Optional<StoredRecord> findByKey(WorkspaceId workspace, String type, String key) {
        return db.transactions.statements(c -> db.sql.first(
                c,
                "SELECT " + RecordRows.COLUMNS + " FROM records WHERE workspace = ? AND type = ? AND record_key = ?",
                RecordRows.mapper(db.sql),
                workspace,
                type,
                key));
    }

    @Override
    public Optional<RecordId> activeHolder(
            WorkspaceId workspace, String type, String attribute, String canonicalValue) {
        return db.transactions.statements(c -> db.sql.first(
                c,
                // Both hashes: either index on (type, workspace, a hash) then finds the holder by its full key.
                "SELECT record_id FROM unique_values WHERE workspace = ? AND type = ? AND value_hash = ? AND active_hash = ?",
                rows -> RecordId.of(db.sql.uuid(rows, "record_id")),
                workspace,
                type,
                Hashes.uniqueValue(attribute, canonicalValue),
                Hashes.uniqueValue(attribute, canonicalValue)));
    }

    @Override
    public List<StoredRecord> page(
            WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit) {
        Query query = pageQuery(workspace, filter, after, limit);
        return db.transactions.statements(c -> db.sql.list(c, query, RecordRows.mapper(db.sql)));
    }

    /**
     * R14 in the same one statement: the database sums the attributes' lengths in id order over the
     * page of {@code limit + 1} and sends only the records that fit, so large records never reach
     * the JVM past the budget; every row also says how many the page held, which tells if more follow.
     */
    @Override
    public Page pageWithin(
            WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit, long maxBytes) {
        Query inner = pageQuery(workspace, filter, after, limit + 1);
        String order = RecordPageQueries.orderBy(filter.sort());
        // The catalog's version rides along (see Page), so that showing the page needs no statement of its own.
        Query query = Query.of(
                        "SELECT " + RecordRows.COLUMNS + ", page_rows,"
                                + " (SELECT catalog_version FROM workspaces WHERE id = ?) AS catalog_version"
                                + " FROM (SELECT " + RecordRows.COLUMNS
                                + ", COUNT(*) OVER () AS page_rows, ROW_NUMBER() OVER (ORDER BY " + order + ") AS n,"
                                + " SUM(LENGTH(attributes)) OVER (ORDER BY " + order
                                + " ROWS UNBOUNDED PRECEDING) AS bytes FROM (",
                        workspace)
                .add(inner)
                .add(") page) sized WHERE n = 1 OR (n <= ? AND bytes <= ?) ORDER BY " + order, limit, maxBytes);
        long[] pageRows = {0};
        long[] catalogVersion = {CatalogStore.NEVER_CHANGED};
        Sql.Row<StoredRecord> mapper = RecordRows.mapper(db.sql);
        List<StoredRecord> found = db.transactions.statements(c -> db.sql.list(c, query, rows -> {
            pageRows[0] = rows.getLong("page_rows");
            catalogVersion[0] = rows.getLong("catalog_version"); // no workspace row: never changed (0)
            return mapper.map(rows);
        }));
        return new Page(
                found,
                pageRows[0] > found.size(),
                found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(catalogVersion[0]));
    }

    private Query pageQuery(WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit) {
        return pages.page(workspace, filter, after, limit);
    }

    @Override
    public List<RecordId> archivedBefore(WorkspaceId workspace, String type, Instant cutoff, int limit) {
        Query query = Query.of("SELECT id FROM records WHERE workspace = ? AND ", workspace)
                .add(db.dialect.typeInState(ArchivedFilter.ARCHIVED), type)
                .add(" AND deleted_at <= ? ORDER BY deleted_at, id LIMIT ?", cutoff, limit);
        return db.transactions.statements(c -> db.sql.list(c, query, rows -> RecordId.of(db.sql.uuid(rows, "id"))));
    }
}
