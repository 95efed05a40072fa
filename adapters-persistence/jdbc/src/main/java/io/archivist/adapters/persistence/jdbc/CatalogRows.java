package io.archivist.adapters.persistence.jdbc;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's tables: object_types, and the catalog version in each workspace's row. One repository for
 * the three databases, because its SQL is the same on each (ANSI); JdbcCatalogStore runs it inside the
 * store's units of work.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface CatalogRows extends GenericRepository<ObjectTypeRow, ObjectTypeRow.Key> {

    /** One row of {@link #catalog}: the workspace's version, and one of its types (none: a row of nulls). */
    @Introspected
    record CatalogRow(
            long catalogVersion,
            @Nullable String name,
            @Nullable Boolean archivable,
            @Nullable String parentTypes,
            @Nullable String uniqueAttributes,
            @Nullable String retention,
            @Nullable String titleAttribute) {}

    @Query("SELECT catalog_version FROM workspaces WHERE id = :workspace")
    Optional<Long> catalogVersion(String workspace);

    /** One statement, so that the version and the types are one committed state even outside a transaction. */
    @Query("SELECT w.catalog_version, t.name, t.archivable, t.parent_types, t.unique_attributes, t.retention,"
            + " t.title_attribute FROM workspaces w LEFT JOIN object_types t ON t.workspace = w.id"
            + " AND t.workspace = :workspace WHERE w.id = :workspace ORDER BY t.name")
    List<CatalogRow> catalog(String workspace);

    @Query("UPDATE workspaces SET catalog_version = :version WHERE id = :workspace")
    int moveCatalogVersion(String workspace, long version);

    @Query("DELETE FROM object_types WHERE workspace = :workspace AND name IN (:names)")
    int deleteTypes(String workspace, List<String> names);

    /** One batch, one round trip. */
    List<ObjectTypeRow> saveAll(Iterable<ObjectTypeRow> types);

    /**
     * R11: a scan of every workspace's types, for the retention job only. The one statement of the catalog
     * across workspaces: a plain read, which a distributed engine (Citus) runs on every node and merges.
     */
    String WITH_RETENTION = "SELECT workspace, name, archivable, parent_types, unique_attributes, retention,"
            + " title_attribute FROM object_types WHERE retention IS NOT NULL ORDER BY workspace, name";

    @Query(WITH_RETENTION)
    List<ObjectTypeRow> withRetention();
}
