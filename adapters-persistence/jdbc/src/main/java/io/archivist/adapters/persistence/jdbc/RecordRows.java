package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The records table: its columns, and the mapping between a row and a StoredRecord. */
final class RecordRows {

    static final String COLUMNS = "workspace, id, type, record_key, attributes, parent_ids, deleted_at,"
            + " archive_operation, version, created_at, updated_at, created_by, updated_by";

    static final String INSERT = "INSERT INTO records (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RecordRows() {}

    static Object[] insertParams(StoredRecord record) {
        return new Object[] {
            record.workspace(),
            record.id(),
            record.type(),
            record.key().map(Object.class::cast).orElse(Sql.Null.TEXT),
            Json.write(record.attributes()),
            parentIds(record.parents()),
            record.deletedAt().map(Object.class::cast).orElse(Sql.Null.INSTANT),
            record.archiveOperation().map(Object.class::cast).orElse(Sql.Null.ID),
            record.version(),
            record.createdAt(),
            record.updatedAt(),
            record.createdBy(),
            record.updatedBy()
        };
    }

    static Sql.Row<StoredRecord> mapper(Sql sql) {
        return rows -> read(rows, sql);
    }

    private static StoredRecord read(ResultSet rows, Sql sql) throws SQLException {
        return new StoredRecord(
                RecordId.of(sql.uuid(rows, "id")),
                WorkspaceId.of(rows.getString("workspace")),
                rows.getString("type"),
                Optional.ofNullable(rows.getString("record_key")),
                Json.object(rows.getString("attributes")),
                parents(rows.getString("parent_ids")),
                Optional.ofNullable(sql.instant(rows, "deleted_at")),
                Optional.ofNullable(sql.uuid(rows, "archive_operation")).map(OperationId::of),
                rows.getLong("version"),
                sql.instant(rows, "created_at"),
                sql.instant(rows, "updated_at"),
                rows.getString("created_by"),
                rows.getString("updated_by"));
    }

    static String parentIds(List<RecordId> parents) {
        return parents.stream().map(RecordId::toString).collect(Collectors.joining(","));
    }

    static List<RecordId> parents(String parentIds) {
        if (parentIds == null || parentIds.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(parentIds.split(","))
                .map(text -> RecordId.of(java.util.UUID.fromString(text)))
                .toList();
    }
}
