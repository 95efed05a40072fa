package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.CatalogStore;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object types of each workspace, one row per type, and the catalog version in the workspace's
 * row. Saving types always leaves that row in place, so that their version is read with them.
 */
final class JdbcCatalogStore implements CatalogStore {

    private static final String COLUMNS =
            "workspace, name, archivable, parent_types, unique_attributes, retention, title_attribute";
    /** Names per IN list when many types are replaced at once. */
    private static final int CHUNK = 1_000;

    private final JdbcDatabase db;

    JdbcCatalogStore(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public long version(WorkspaceId workspace) {
        return db.transactions
                .statements(c -> db.sql.first(
                        c, "SELECT catalog_version FROM workspaces WHERE id = ?", rows -> rows.getLong(1), workspace))
                .orElse(NEVER_CHANGED);
    }

    /** One statement, so that the version and the types are one committed state even outside a transaction. */
    @Override
    public Snapshot load(WorkspaceId workspace) {
        record Row(long version, Optional<ObjectType> type) {}
        List<Row> rows = db.transactions.statements(c -> db.sql.list(
                c,
                "SELECT w.catalog_version, t.name, t.archivable, t.parent_types, t.unique_attributes, t.retention,"
                        + " t.title_attribute"
                        + " FROM workspaces w LEFT JOIN object_types t ON t.workspace = w.id WHERE w.id = ?"
                        + " ORDER BY t.name",
                row -> new Row(
                        row.getLong("catalog_version"),
                        row.getString("name") == null ? Optional.empty() : Optional.of(type(row))),
                workspace));
        return rows.isEmpty()
                ? new Snapshot(NEVER_CHANGED, List.of())
                : new Snapshot(
                        rows.get(0).version(),
                        rows.stream().flatMap(row -> row.type().stream()).toList());
    }

    /** Three statements (the version, the old rows out, the new ones in) for up to {@link #CHUNK} types. */
    @Override
    public void saveAll(WorkspaceId workspace, List<ObjectType> types) {
        if (types.isEmpty()) {
            return;
        }
        db.transactions.statements(c -> {
            moveVersionOn(c, workspace);
            for (int from = 0; from < types.size(); from += CHUNK) {
                List<String> names = types.subList(from, Math.min(types.size(), from + CHUNK)).stream()
                        .map(ObjectType::name)
                        .toList();
                db.sql.update(
                        c,
                        Query.of("DELETE FROM object_types WHERE workspace = ? AND name IN (", workspace)
                                .in(names)
                                .add(")"));
            }
            return db.sql.batch(
                    c,
                    "INSERT INTO object_types (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    types.stream()
                            .map(type -> new Object[] {
                                workspace,
                                type.name(),
                                type.archivable(),
                                Json.write(type.parents()),
                                Json.write(type.unique()),
                                type.retention().map(r -> (Object) r.iso()).orElse(Sql.Null.TEXT),
                                type.titleAttribute().map(a -> (Object) a).orElse(Sql.Null.TEXT)
                            })
                            .toList());
        });
    }

    /** A write unit has locked (so created) the workspace's row; a save outside one creates it here. */
    private void moveVersionOn(Connection c, WorkspaceId workspace) {
        String update = "UPDATE workspaces SET catalog_version = ? WHERE id = ?";
        long version = CatalogStore.newVersion();
        if (db.sql.update(c, update, version, workspace) == 0) {
            db.sql.update(c, db.sql.dialect().insertWorkspaceIfMissing(), workspace);
            db.sql.update(c, update, version, workspace);
        }
    }

    @Override
    public Map<WorkspaceId, List<ObjectType>> typesWithRetention() {
        Map<WorkspaceId, List<ObjectType>> byWorkspace = new LinkedHashMap<>();
        db.transactions.statements(c -> db.sql.list(
                c,
                "SELECT " + COLUMNS + " FROM object_types WHERE retention IS NOT NULL ORDER BY workspace, name",
                rows -> byWorkspace
                        .computeIfAbsent(WorkspaceId.of(rows.getString("workspace")), w -> new ArrayList<>())
                        .add(type(rows))));
        return byWorkspace;
    }

    private static ObjectType type(ResultSet rows) throws SQLException {
        return new ObjectType(
                rows.getString("name"),
                rows.getBoolean("archivable"),
                Json.strings(rows.getString("parent_types")),
                Json.strings(rows.getString("unique_attributes")),
                Optional.ofNullable(rows.getString("retention")).map(Retention::new),
                Optional.ofNullable(rows.getString("title_attribute")));
    }
}
