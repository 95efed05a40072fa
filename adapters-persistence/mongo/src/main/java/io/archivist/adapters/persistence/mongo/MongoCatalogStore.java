package io.archivist.adapters.persistence.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import io.archivist.domain.WorkspaceId;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.archivist.adapters.persistence.mongo.MongoSchema.BORN;
import static io.archivist.adapters.persistence.mongo.MongoSchema.ID;
import static io.archivist.adapters.persistence.mongo.MongoSchema.UNIT;
import static io.archivist.adapters.persistence.mongo.MongoSchema.WORKSPACE;

/** The object types of each workspace, one document per type. */
public final class MongoCatalogStore implements CatalogStore {

    private static final String NAME = "name";
    private static final String ARCHIVABLE = "archivable";
    private static final String PARENTS = "parents";
    private static final String UNIQUE = "unique";
    private static final String RETENTION = "retention";

    private final MongoCollection<Document> types;
    private final MongoUnitOfWork unitOfWork;
    private final Shadows shadows;

    MongoCatalogStore(MongoCollection<Document> types, MongoUnitOfWork unitOfWork, Shadows shadows) {
        this.types = types;
        this.unitOfWork = unitOfWork;
        this.shadows = shadows;
    }

    @Override
    public List<ObjectType> types(WorkspaceId workspace) {
        List<ObjectType> found = new ArrayList<>();
        types.find(Filters.eq(WORKSPACE, workspace.value())).sort(Sorts.ascending(ID))
                .forEach(document -> found.add(type(document)));
        return found;
    }

    @Override
    public void save(WorkspaceId workspace, ObjectType type) {
        unitOfWork.inUnit(workspace, unit -> {
            String id = workspace.value() + "/" + type.name();
            Document before = types.find(Filters.eq(ID, id)).first();
            if (before != null) {
                shadows.take(unit, MongoSchema.TYPES, Filters.eq(ID, id));
            }
            Document document = new Document(ID, id).append(WORKSPACE, workspace.value()).append(NAME, type.name())
                    .append(ARCHIVABLE, type.archivable()).append(PARENTS, type.parents()).append(UNIQUE, type.unique())
                    .append(RETENTION, type.retention().map(Retention::iso).orElse(null))
                    .append(UNIT, unit.id).append(BORN, before == null ? unit.id : before.getString(BORN));
            types.replaceOne(Filters.and(Filters.eq(WORKSPACE, workspace.value()), Filters.eq(ID, id)), document,
                    new ReplaceOptions().upsert(true));
            return null;
        });
    }

    @Override
    public Map<WorkspaceId, List<ObjectType>> typesWithRetention() {
        Map<WorkspaceId, List<ObjectType>> found = new LinkedHashMap<>();
        types.find(Filters.ne(RETENTION, null)).sort(Sorts.ascending(ID)).forEach(document ->
                found.computeIfAbsent(WorkspaceId.of(document.getString(WORKSPACE)), w -> new ArrayList<>())
                        .add(type(document)));
        return found;
    }

    private static ObjectType type(Document document) {
        return new ObjectType(document.getString(NAME), document.getBoolean(ARCHIVABLE),
                document.getList(PARENTS, String.class), document.getList(UNIQUE, String.class),
                Optional.ofNullable(document.getString(RETENTION)).map(Retention::new));
    }
}
