package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** operations on H2 and PostgreSQL, whose SQL is the same (ANSI): ids are UUIDs, times zoned (see {@link OperationRows}). */
@JdbcRepository(dialect = Dialect.ANSI)
interface ZonedOperationRows extends GenericRepository<ZonedOperationRow, ZonedOperationRow.Key>, OperationRows {

    @Query(FIND)
    Optional<ZonedOperationRow> find(String workspace, UUID id);

    @Query(HISTORY)
    List<ZonedOperationRow> findHistory(String workspace, UUID record);

    @Override
    default Optional<Operation> operation(WorkspaceId workspace, OperationId id) {
        return find(workspace.value(), id.value()).map(ZonedOperationRow::operation);
    }

    @Override
    default List<Operation> history(WorkspaceId workspace, RecordId record) {
        return findHistory(workspace.value(), record.value()).stream()
                .map(ZonedOperationRow::operation)
                .toList();
    }
}
