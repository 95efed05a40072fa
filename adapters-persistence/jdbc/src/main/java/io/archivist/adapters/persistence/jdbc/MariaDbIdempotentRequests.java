package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RememberedAnswer;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** idempotent_requests on MariaDB, compiled for its dialect: answered_at is a DATETIME in UTC. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface MariaDbIdempotentRequests
        extends GenericRepository<MariaDbIdempotentRequest, IdempotentRequestKey>, IdempotentRequests {

    Optional<MariaDbIdempotentRequest> findByIdAndAnsweredAtGreaterThanEquals(
            IdempotentRequestKey id, @TypeDef(type = DataType.OBJECT) LocalDateTime answeredAt);

    void deleteById(IdempotentRequestKey id);

    MariaDbIdempotentRequest save(MariaDbIdempotentRequest request);

    @Query(EXPIRED)
    List<String> expired(@TypeDef(type = DataType.OBJECT) LocalDateTime answeredBefore, int atMost);

    @Query(FORGET)
    int forget(String workspace, @TypeDef(type = DataType.OBJECT) LocalDateTime answeredBefore, int atMost);

    @Override
    default Optional<RememberedAnswer> answer(String workspace, String keyHash, Instant notBefore) {
        return findByIdAndAnsweredAtGreaterThanEquals(new IdempotentRequestKey(workspace, keyHash), utc(notBefore))
                .map(MariaDbIdempotentRequest::remembered);
    }

    @Override
    default void replace(String workspace, String keyHash, RememberedAnswer answer) {
        deleteById(new IdempotentRequestKey(workspace, keyHash));
        save(MariaDbIdempotentRequest.of(workspace, keyHash, answer));
    }

    @Override
    default List<String> workspacesAnsweredBefore(Instant answeredBefore, int atMost) {
        return expired(utc(answeredBefore), atMost);
    }

    @Override
    default int forgetAnsweredBefore(String workspace, Instant answeredBefore, int atMost) {
        return forget(workspace, utc(answeredBefore), atMost);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
