package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import io.archivist.domain.WorkspaceId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.util.Optional;

/** A row of object_types: one type of one workspace, its lists kept as JSON text, its title attribute (V8). */
@MappedEntity(value = "object_types", escape = false)
record ObjectTypeRow(
        @EmbeddedId Key id,
        boolean archivable,
        String parentTypes,
        String uniqueAttributes,
        @Nullable String retention,
        @Nullable String titleAttribute) {

    @Embeddable
    record Key(
            @MappedProperty("workspace") String workspace,
            @MappedProperty("name") String name) {}

    static ObjectTypeRow of(WorkspaceId workspace, ObjectType type) {
        return new ObjectTypeRow(
                new Key(workspace.value(), type.name()),
                type.archivable(),
                Json.write(type.parents()),
                Json.write(type.unique()),
                type.retention().map(Retention::iso).orElse(null),
                type.titleAttribute().orElse(null));
    }

    ObjectType type() {
        return type(id.name(), archivable, parentTypes, uniqueAttributes, retention, titleAttribute);
    }

    static ObjectType type(
            String name,
            boolean archivable,
            String parentTypes,
            String uniqueAttributes,
            @Nullable String retention,
            @Nullable String titleAttribute) {
        return new ObjectType(
                name,
                archivable,
                Json.strings(parentTypes),
                Json.strings(uniqueAttributes),
                Optional.ofNullable(retention).map(Retention::new),
                Optional.ofNullable(titleAttribute));
    }
}
