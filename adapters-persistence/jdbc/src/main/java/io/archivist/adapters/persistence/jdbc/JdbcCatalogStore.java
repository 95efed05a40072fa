package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.CatalogStore;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import io.archivist.domain.WorkspaceId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The object types of each workspace, one row per type. */
final class JdbcCatalogStore implements CatalogStore {

    private static final String COLUMNS = "workspace, name, archivable, parent_types, unique_attributes, retention";

    private final JdbcDatabase db;

    JdbcCatalogStore(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public List<ObjectType> types(WorkspaceId workspace) {
        return db.transactions.statements(c -> db.sql.list(c,
                "SELECT " + COLUMNS + " FROM object_types WHERE workspace = ? ORDER BY name",
                JdbcCatalogStore::type, workspace));
    }

    @Override
    public void save(WorkspaceId workspace, ObjectType type) {
        db.transactions.statements(c -> {
            db.sql.update(c, "DELETE FROM object_types WHERE workspace = ? AND name = ?", workspace, type.name());
            return db.sql.update(c, "INSERT INTO object_types (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                    workspace, type.name(), type.archivable(), Json.write(type.parents()), Json.write(type.unique()),
                    type.retention().map(r -> (Object) r.iso()).orElse(Sql.Null.TEXT));
        });
    }

    @Override
    public Map<WorkspaceId, List<ObjectType>> typesWithRetention() {
        Map<WorkspaceId, List<ObjectType>> byWorkspace = new LinkedHashMap<>();
        db.transactions.statements(c -> db.sql.list(c,
                "SELECT " + COLUMNS + " FROM object_types WHERE retention IS NOT NULL ORDER BY workspace, name",
                rows -> byWorkspace.computeIfAbsent(WorkspaceId.of(rows.getString("workspace")), w -> new ArrayList<>())
                        .add(type(rows))));
        return byWorkspace;
    }

    private static ObjectType type(ResultSet rows) throws SQLException {
        return new ObjectType(rows.getString("name"), rows.getBoolean("archivable"),
                Json.strings(rows.getString("parent_types")), Json.strings(rows.getString("unique_attributes")),
                Optional.ofNullable(rows.getString("retention")).map(Retention::new));
    }
}
