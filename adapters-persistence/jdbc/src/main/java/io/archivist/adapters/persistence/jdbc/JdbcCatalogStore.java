package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.CatalogStore;
import io.archivist.domain.ObjectType;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object types of each workspace, one row per type, and the catalog version in the workspace's
 * row, through their repository ({@link CatalogRows}) inside the unit under way. Saving types always
 * leaves the workspace's row in place, so that their version is read with them.
 */
final class JdbcCatalogStore implements CatalogStore {

    /** Names per IN list when many types are replaced at once. */
    private static final int CHUNK = 1_000;

    private final JdbcDatabase db;

    JdbcCatalogStore(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public long version(WorkspaceId workspace) {
        return db.transactions
                .statements(c -> db.sql.repository(() -> db.catalogRows.catalogVersion(workspace.value())))
                .orElse(NEVER_CHANGED);
    }

    /** One statement, so that the version and the types are one committed state even outside a transaction. */
    @Override
    public Snapshot load(WorkspaceId workspace) {
        List<CatalogRows.CatalogRow> rows =
                db.transactions.statements(c -> db.sql.repository(() -> db.catalogRows.catalog(workspace.value())));
        return rows.isEmpty()
                ? new Snapshot(NEVER_CHANGED, List.of())
                : new Snapshot(
                        rows.get(0).catalogVersion(),
                        rows.stream()
                                .filter(row -> row.name() != null)
                                .map(row -> ObjectTypeRow.type(
                                        row.name(),
                                        Boolean.TRUE.equals(row.archivable()),
                                        row.parentTypes(),
                                        row.uniqueAttributes(),
                                        row.retention(),
                                        row.titleAttribute()))
                                .toList());
    }

    /** Three statements (the version, the old rows out, the new ones in) for up to {@link #CHUNK} types. */
    @Override
    public void saveAll(WorkspaceId workspace, List<ObjectType> types) {
        if (types.isEmpty()) {
            return;
        }
        db.transactions.statements(c -> {
            moveVersionOn(c, workspace);
            return db.sql.repository(() -> {
                for (int from = 0; from < types.size(); from += CHUNK) {
                    db.catalogRows.deleteTypes(
                            workspace.value(),
                            types.subList(from, Math.min(types.size(), from + CHUNK)).stream()
                                    .map(ObjectType::name)
                                    .toList());
                }
                return db.catalogRows.saveAll(types.stream()
                        .map(type -> ObjectTypeRow.of(workspace, type))
                        .toList());
            });
        });
    }

    /**
     * A write unit has locked (so created) the workspace's row; a save outside one creates it here, with the
     * statement the workspace lock uses (Dialect.insertWorkspaceIfMissing, the one that differs per database).
     */
    private void moveVersionOn(Connection c, WorkspaceId workspace) {
        long version = CatalogStore.newVersion();
        if (db.sql.repository(() -> db.catalogRows.moveCatalogVersion(workspace.value(), version)) == 0) {
            db.sql.update(c, db.sql.dialect().insertWorkspaceIfMissing(), workspace);
            db.sql.repository(() -> db.catalogRows.moveCatalogVersion(workspace.value(), version));
        }
    }

    @Override
    public Map<WorkspaceId, List<ObjectType>> typesWithRetention() {
        Map<WorkspaceId, List<ObjectType>> byWorkspace = new LinkedHashMap<>();
        for (ObjectTypeRow row : db.transactions.statements(c -> db.sql.repository(db.catalogRows::withRetention))) {
            byWorkspace
                    .computeIfAbsent(WorkspaceId.of(row.id().workspace()), w -> new ArrayList<>())
                    .add(row.type());
        }
        return byWorkspace;
    }
}
