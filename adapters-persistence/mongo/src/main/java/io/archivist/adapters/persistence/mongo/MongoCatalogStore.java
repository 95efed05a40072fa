package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoSchema.BORN;
import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import io.archivist.domain.WorkspaceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * The object types of each workspace, one document per type, and beside them one head document per
 * workspace ({@code _id} "workspace/", no name) that holds the catalog version. The head is written
 * in the same unit as the types and rolled back with them, like any document of the collection.
 */
public final class MongoCatalogStore implements CatalogStore {

    private static final String NAME = "name";
    private static final String ARCHIVABLE = "archivable";
    private static final String PARENTS = "parents";
    private static final String UNIQUE = "unique";
    private static final String RETENTION = "retention";
    private static final String TITLE_ATTRIBUTE = "title_attribute";
    private static final String VERSION = "catalog_version";

    private final MongoCollection<Document> types;
    private final MongoUnitOfWork unitOfWork;
    private final Shadows shadows;

    MongoCatalogStore(MongoCollection<Document> types, MongoUnitOfWork unitOfWork, Shadows shadows) {
        this.types = types;
        this.unitOfWork = unitOfWork;
        this.shadows = shadows;
    }

    /** One point read of the head; a type's name is a slug, so no type's id ends with "/". */
    @Override
    public long version(WorkspaceId workspace) {
        // Outside any unit of work (a cache check), so the unit's own translation does not cover it.
        return MongoUnitOfWork.reachable(
                () -> version(types.find(Filters.eq(ID, headId(workspace))).first()));
    }

    /** One find for the head and the types, in a read of its own: never a state with a unit half done. */
    @Override
    public Snapshot load(WorkspaceId workspace) {
        return unitOfWork.readAlone(workspace, () -> {
            Document head = null;
            List<ObjectType> found = new ArrayList<>();
            for (Document document :
                    types.find(Filters.eq(WORKSPACE, workspace.value())).sort(Sorts.ascending(ID))) {
                if (document.getString(NAME) == null) {
                    head = document;
                } else {
                    found.add(type(document));
                }
            }
            return new Snapshot(version(head), found);
        });
    }

    /**
     * Three commands whatever the number of types: which of them (and the head) exist, one
     * before-image of those, and one bulk write of the types and the head with a new version.
     */
    @Override
    public void saveAll(WorkspaceId workspace, List<ObjectType> changed) {
        if (changed.isEmpty()) {
            return;
        }
        unitOfWork.inUnit(workspace, unit -> {
            String head = headId(workspace);
            List<String> ids = new ArrayList<>(
                    changed.stream().map(type -> typeId(workspace, type)).toList());
            ids.add(head);
            Map<String, String> bornOf = new HashMap<>();
            types.find(Filters.in(ID, ids))
                    .projection(Projections.include(BORN))
                    .forEach(document -> bornOf.put(document.getString(ID), document.getString(BORN)));
            if (!bornOf.isEmpty()) {
                shadows.take(unit, MongoSchema.TYPES, Filters.in(ID, bornOf.keySet()));
            }
            List<ReplaceOneModel<Document>> writes = new ArrayList<>();
            for (ObjectType type : changed) {
                String id = typeId(workspace, type);
                writes.add(replace(
                        workspace,
                        id,
                        new Document(ID, id)
                                .append(WORKSPACE, workspace.value())
                                .append(NAME, type.name())
                                .append(ARCHIVABLE, type.archivable())
                                .append(PARENTS, type.parents())
                                .append(UNIQUE, type.unique())
                                .append(
                                        RETENTION,
                                        type.retention().map(Retention::iso).orElse(null))
                                .append(TITLE_ATTRIBUTE, type.titleAttribute().orElse(null))
                                .append(UNIT, unit.id)
                                .append(BORN, bornOf.getOrDefault(id, unit.id))));
            }
            writes.add(replace(
                    workspace,
                    head,
                    new Document(ID, head)
                            .append(WORKSPACE, workspace.value())
                            .append(VERSION, CatalogStore.newVersion())
                            .append(UNIT, unit.id)
                            .append(BORN, bornOf.getOrDefault(head, unit.id))));
            types.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            return null;
        });
    }

    private static ReplaceOneModel<Document> replace(WorkspaceId workspace, String id, Document document) {
        return new ReplaceOneModel<>(
                Filters.and(Filters.eq(WORKSPACE, workspace.value()), Filters.eq(ID, id)),
                document,
                new ReplaceOptions().upsert(true));
    }

    private static String typeId(WorkspaceId workspace, ObjectType type) {
        return workspace.value() + "/" + type.name();
    }

    private static String headId(WorkspaceId workspace) {
        return workspace.value() + "/";
    }

    private static long version(Document head) {
        Number version = head == null ? null : head.get(VERSION, Number.class);
        return version == null ? NEVER_CHANGED : version.longValue();
    }

    @Override
    public Map<WorkspaceId, List<ObjectType>> typesWithRetention() {
        Map<WorkspaceId, List<ObjectType>> found = new LinkedHashMap<>();
        types.find(Filters.ne(RETENTION, null))
                .sort(Sorts.ascending(ID))
                .forEach(document -> found.computeIfAbsent(
                                WorkspaceId.of(document.getString(WORKSPACE)), w -> new ArrayList<>())
                        .add(type(document)));
        return found;
    }

    private static ObjectType type(Document document) {
        return new ObjectType(
                document.getString(NAME),
                document.getBoolean(ARCHIVABLE),
                document.getList(PARENTS, String.class),
                document.getList(UNIQUE, String.class),
                Optional.ofNullable(document.getString(RETENTION)).map(Retention::new),
                // Absent from a type saved before title attributes existed: it has none.
                Optional.ofNullable(document.getString(TITLE_ATTRIBUTE)));
    }
}
