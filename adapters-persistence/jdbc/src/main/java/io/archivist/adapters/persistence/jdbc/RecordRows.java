package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationId;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
        return mapper(sql, "");
    }

    /**
     * {@link #COLUMNS} of the records aliased {@code alias}, each named with {@code prefix} before it: a
     * record's columns beside another table's of the same names, read with {@link #mapper(Sql, String)}.
     */
    static String columnsAs(String alias, String prefix) {
        return Arrays.stream(COLUMNS.split(", "))
                .map(column -> alias + "." + column + " AS " + prefix + column)
                .collect(Collectors.joining(", "));
    }

    /** The record of a row whose columns are named with {@code prefix} before them (see {@link #columnsAs}). */
    static Sql.Row<StoredRecord> mapper(Sql sql, String prefix) {
        UnaryOperator<String> column = prefix.isEmpty() ? UnaryOperator.identity() : name -> prefix + name;
        return rows -> new StoredRecord(
                RecordId.of(sql.uuid(rows, column.apply("id"))),
                WorkspaceId.of(rows.getString(column.apply("workspace"))),
                rows.getString(column.apply("type")),
                Optional.ofNullable(rows.getString(column.apply("record_key"))),
                Json.object(rows.getString(column.apply("attributes"))),
                parents(rows.getString(column.apply("parent_ids"))),
                Optional.ofNullable(sql.instant(rows, column.apply("deleted_at"))),
                Optional.ofNullable(sql.uuid(rows, column.apply("archive_operation")))
                        .map(OperationId::of),
                rows.getLong(column.apply("version")),
                sql.instant(rows, column.apply("created_at")),
                sql.instant(rows, column.apply("updated_at")),
                rows.getString(column.apply("created_by")),
                rows.getString(column.apply("updated_by")));
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
