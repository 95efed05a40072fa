package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.Operation;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of operations where the id is a UUID and happened_at a TIMESTAMP WITH TIME ZONE (H2, PostgreSQL),
 * read as an OffsetDateTime, as {@link ZonedIdempotentRequest} reads its time. Only the columns an
 * {@link Operation} is made of: the log's running count (still_archived) is the hand-written pages' own.
 */
@MappedEntity(value = "operations", escape = false)
record ZonedOperationRow(
        @EmbeddedId Key key,
        String kind,
        String actor,
        @TypeDef(type = DataType.OBJECT) OffsetDateTime happenedAt,
        String rootIds,
        String counts) {

    @Embeddable
    record Key(
            @MappedProperty("workspace") String workspace,
            @MappedProperty("id") UUID id) {}

    Operation operation() {
        return JdbcOperationLog.operation(
                key.workspace(), key.id(), kind, actor, happenedAt.toInstant(), rootIds, counts);
    }
}
