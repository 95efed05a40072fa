package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RememberedAnswer;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A row of idempotent_requests where answered_at is a TIMESTAMP WITH TIME ZONE (H2, PostgreSQL): bound
 * and read as an OffsetDateTime, which JDBC maps to that type exactly (Micronaut Data's own binding of an
 * Instant goes through java.sql.Timestamp and the JVM's time zone).
 */
@MappedEntity(value = "idempotent_requests", escape = false)
record ZonedIdempotentRequest(
        @EmbeddedId IdempotentRequestKey id,
        String fingerprint,
        String answer,
        @TypeDef(type = DataType.OBJECT) OffsetDateTime answeredAt) {

    static ZonedIdempotentRequest of(String workspace, String keyHash, RememberedAnswer answer) {
        return new ZonedIdempotentRequest(
                new IdempotentRequestKey(workspace, keyHash),
                answer.fingerprint(),
                answer.answer(),
                answer.at().atOffset(ZoneOffset.UTC));
    }

    RememberedAnswer remembered() {
        return new RememberedAnswer(fingerprint, answer, answeredAt.toInstant());
    }
}
