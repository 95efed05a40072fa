package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RememberedAnswer;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * idempotent_requests on H2 and PostgreSQL, whose SQL is the same (ANSI): they differ from MariaDB only in
 * how answered_at is kept, a TIMESTAMP WITH TIME ZONE here.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ZonedIdempotentRequests
        extends GenericRepository<ZonedIdempotentRequest, IdempotentRequestKey>, IdempotentRequests {

    Optional<ZonedIdempotentRequest> findByIdAndAnsweredAtGreaterThanEquals(
            IdempotentRequestKey id, @TypeDef(type = DataType.OBJECT) OffsetDateTime answeredAt);

    void deleteById(IdempotentRequestKey id);

    ZonedIdempotentRequest save(ZonedIdempotentRequest request);

    @Query(EXPIRED)
    List<String> expired(@TypeDef(type = DataType.OBJECT) OffsetDateTime answeredBefore, int atMost);

    @Query(FORGET)
    int forget(String workspace, @TypeDef(type = DataType.OBJECT) OffsetDateTime answeredBefore, int atMost);

    @Override
    default Optional<RememberedAnswer> answer(String workspace, String keyHash, Instant notBefore) {
        return findByIdAndAnsweredAtGreaterThanEquals(
                        new IdempotentRequestKey(workspace, keyHash), notBefore.atOffset(ZoneOffset.UTC))
                .map(ZonedIdempotentRequest::remembered);
    }

    @Override
    default void replace(String workspace, String keyHash, RememberedAnswer answer) {
        deleteById(new IdempotentRequestKey(workspace, keyHash));
        save(ZonedIdempotentRequest.of(workspace, keyHash, answer));
    }

    @Override
    default List<String> workspacesAnsweredBefore(Instant answeredBefore, int atMost) {
        return expired(answeredBefore.atOffset(ZoneOffset.UTC), atMost);
    }

    @Override
    default int forgetAnsweredBefore(String workspace, Instant answeredBefore, int atMost) {
        return forget(workspace, answeredBefore.atOffset(ZoneOffset.UTC), atMost);
    }
}
