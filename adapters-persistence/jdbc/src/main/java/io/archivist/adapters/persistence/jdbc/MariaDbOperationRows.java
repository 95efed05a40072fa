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

/** operations on MariaDB, compiled for its dialect: ids are BINARY(16), times UTC DATETIMEs (see {@link OperationRows}). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface MariaDbOperationRows extends GenericRepository<MariaDbOperationRow, MariaDbOperationRow.Key>, OperationRows {

    @Query(FIND)
    Optional<MariaDbOperationRow> find(String workspace, byte[] id);

    @Query(HISTORY)
    List<MariaDbOperationRow> findHistory(String workspace, byte[] record);

    @Override
    default Optional<Operation> operation(WorkspaceId workspace, OperationId id) {
        return find(workspace.value(), MariaDbOperationRow.bytes(id.value())).map(MariaDbOperationRow::operation);
    }

    @Override
    default List<Operation> history(WorkspaceId workspace, RecordId record) {
        return findHistory(workspace.value(), MariaDbOperationRow.bytes(record.value())).stream()
                .map(MariaDbOperationRow::operation)
                .toList();
    }
}
