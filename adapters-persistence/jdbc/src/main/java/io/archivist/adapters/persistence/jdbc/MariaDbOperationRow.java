package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.Operation;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A row of operations on MariaDB, where the id is a BINARY(16) and happened_at a DATETIME in UTC (as every id
 * and time there, see MariaDbDialect). Only the columns an {@link Operation} is made of.
 */
@MappedEntity(value = "operations", escape = false)
record MariaDbOperationRow(
        @EmbeddedId Key key,
        String kind,
        String actor,
        @TypeDef(type = DataType.OBJECT) LocalDateTime happenedAt,
        String rootIds,
        String counts) {

    @Embeddable
    record Key(
            @MappedProperty("workspace") String workspace,
            @MappedProperty("id") byte[] id) {}

    /** A UUID as MariaDB keeps it: its 16 bytes, most significant first. */
    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    Operation operation() {
        ByteBuffer id = ByteBuffer.wrap(key.id());
        return JdbcOperationLog.operation(
                key.workspace(),
                new UUID(id.getLong(), id.getLong()),
                kind,
                actor,
                happenedAt.toInstant(ZoneOffset.UTC),
                rootIds,
                counts);
    }
}
