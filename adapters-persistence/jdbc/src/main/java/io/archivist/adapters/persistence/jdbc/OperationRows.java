package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * The operations table's plain reads, as {@link JdbcOperationLog} asks for them: implemented by a Micronaut
 * Data repository per way of keeping ids and times ({@link ZonedOperationRows} for H2 and PostgreSQL, which
 * keep UUIDs and zoned timestamps, {@link MariaDbOperationRows} for MariaDB's BINARY(16) ids and UTC
 * DATETIMEs). Their SQL is the same on every database. The statements that log an operation (one of them
 * an upsert that differs per database) and the pages of the log, whose filters vary, stay hand-written.
 */
interface OperationRows {

    /** One operation, by its primary key. */
    String FIND = "SELECT " + JdbcOperationLog.COLUMNS + " FROM operations WHERE workspace = :workspace AND id = :id";

    /** The operations that touched one record, oldest first. */
    String HISTORY = "SELECT " + JdbcOperationLog.COLUMNS + " FROM operations"
            + " WHERE workspace = :workspace AND id IN (SELECT operation_id FROM operation_records"
            + " WHERE workspace = :workspace AND record_id = :record) ORDER BY happened_at, id";

    Optional<Operation> operation(WorkspaceId workspace, OperationId id);

    List<Operation> history(WorkspaceId workspace, RecordId record);
}
