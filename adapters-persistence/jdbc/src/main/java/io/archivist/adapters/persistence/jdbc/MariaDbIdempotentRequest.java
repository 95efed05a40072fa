package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RememberedAnswer;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A row of idempotent_requests on MariaDB, where answered_at is a DATETIME in UTC (as every time there, see MariaDbDialect). */
@MappedEntity(value = "idempotent_requests", escape = false)
record MariaDbIdempotentRequest(
        @EmbeddedId IdempotentRequestKey id,
        String fingerprint,
        String answer,
        @TypeDef(type = DataType.OBJECT) LocalDateTime answeredAt) {

    static MariaDbIdempotentRequest of(String workspace, String keyHash, RememberedAnswer answer) {
        return new MariaDbIdempotentRequest(
                new IdempotentRequestKey(workspace, keyHash),
                answer.fingerprint(),
                answer.answer(),
                LocalDateTime.ofInstant(answer.at(), ZoneOffset.UTC));
    }

    RememberedAnswer remembered() {
        return new RememberedAnswer(fingerprint, answer, answeredAt.toInstant(ZoneOffset.UTC));
    }
}
