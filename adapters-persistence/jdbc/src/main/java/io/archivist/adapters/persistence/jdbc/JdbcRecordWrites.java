package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.seed.SeedBatches;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.ObjectType;
import io.archivist.domain.OperationId;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.SearchText;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Inserts and updates of records, one or a batch at a time, in a constant number of statements per
 * batch. The database refuses a duplicate key or a unique value shared among active records by its
 * constraints; UniqueRefusals then names the holder, and the savepoint undoes the whole batch.
 */
final class JdbcRecordWrites implements RecordWrites, SeedBatches {

    static final String INSERT_EDGE = "INSERT INTO record_parents (workspace, child_id, parent_id) VALUES (?, ?, ?)";
    static final String INSERT_VALUE = "INSERT INTO unique_values"
            + " (workspace, record_id, type, attribute, value_hash, active_hash) VALUES (?, ?, ?, ?, ?, ?)";
    static final String INSERT_TOUCHED =
            "INSERT INTO operation_records (workspace, operation_id, record_id, type)" + " VALUES (?, ?, ?, ?)";
    static final String HOLD_MORE =
            "UPDATE operations SET still_archived = still_archived + ? WHERE workspace = ? AND id = ?";
    /** q's text of a record (SearchText), written with it and with every change of its attributes. */
    static final String INSERT_SEARCH =
            "INSERT INTO record_search (record_id, workspace, type, search_text) VALUES (?, ?, ?, ?)";

    private static final String UPDATE_SEARCH =
            "UPDATE record_search SET search_text = ? WHERE record_id = ? AND workspace = ?";
    private static final String UPDATE =
            "UPDATE records SET attributes = ?, version = ?, updated_at = ?, updated_by = ?"
                    + " WHERE workspace = ? AND id = ? AND version = ? AND deleted_at IS NULL";
    private static final int REINDEX_PAGE = 1000;

    private final JdbcDatabase db;
    private final UniqueRefusals refusals;

    JdbcRecordWrites(JdbcDatabase db) {
        this.db = db;
        this.refusals = new UniqueRefusals(db);
    }

    @Override
    public void insert(StoredRecord record, Map<String, String> uniqueValues) {
        insertAll(List.of(new RecordWithUniqueValues(record, uniqueValues)));
    }

    @Override
    public void update(StoredRecord updated, Map<String, String> uniqueValues) {
        updateAll(List.of(new RecordWithUniqueValues(updated, uniqueValues)));
    }

    @Override
    public void insertAll(List<RecordWithUniqueValues> batch) {
        if (batch.isEmpty()) {
            return;
        }
        db.transactions.statements(c -> db.transactions.atomically(
                c,
                () -> {
                    db.sql.batch(
                            c,
                            RecordRows.INSERT,
                            batch.stream()
                                    .map(r -> RecordRows.insertParams(r.record()))
                                    .toList());
                    db.sql.batch(
                            c,
                            INSERT_EDGE,
                            batch.stream()
                                    .flatMap(r -> r.record().parents().stream().map(parent -> new Object[] {
                                        r.record().workspace(), r.record().id(), parent
                                    }))
                                    .toList());
                    db.sql.batch(c, INSERT_VALUE, valueRows(batch));
                    db.sql.batch(
                            c,
                            INSERT_SEARCH,
                            batch.stream()
                                    .map(RecordWithUniqueValues::record)
                                    .map(r -> new Object[] {r.id(), r.workspace(), r.type(), searchText(r)})
                                    .toList());
                    // An archived record of a seed: its archive operation touched it (history).
                    db.sql.batch(
                            c,
                            INSERT_TOUCHED,
                            batch.stream()
                                    .map(RecordWithUniqueValues::record)
                                    .filter(StoredRecord::archived)
                                    .map(r -> new Object[] {
                                        r.workspace(), r.archiveOperation().orElseThrow(), r.id(), r.type()
                                    })
                                    .toList());
                    // ... and its operation holds one more archived record (OperationLog).
                    db.sql.batch(c, HOLD_MORE, holdMore(batch));
                    return null;
                },
                failure -> refusals.onInsert(c, batch, failure)));
    }

    /** The parameters of {@link #HOLD_MORE}: for each archive operation of the batch's archived records, how many. */
    private static List<Object[]> holdMore(List<RecordWithUniqueValues> batch) {
        record Held(WorkspaceId workspace, OperationId operation) {}
        Map<Held, Long> held = batch.stream()
                .map(RecordWithUniqueValues::record)
                .filter(StoredRecord::archived)
                .collect(Collectors.groupingBy(
                        r -> new Held(r.workspace(), r.archiveOperation().orElseThrow()),
                        LinkedHashMap::new,
                        Collectors.counting()));
        return held.entrySet().stream()
                .map(entry -> new Object[] {
                    entry.getValue(), entry.getKey().workspace(), entry.getKey().operation()
                })
                .toList();
    }

    @Override
    public void updateAll(List<RecordWithUniqueValues> batch) {
        if (batch.isEmpty()) {
            return;
        }
        db.transactions.statements(c -> db.transactions.atomically(
                c,
                () -> {
                    int[] changed = db.sql.batch(
                            c,
                            UPDATE,
                            batch.stream()
                                    .map(RecordWithUniqueValues::record)
                                    .map(r -> new Object[] {
                                        Json.write(r.attributes()),
                                        r.version(),
                                        r.updatedAt(),
                                        r.updatedBy(),
                                        r.workspace(),
                                        r.id(),
                                        r.version() - 1
                                    })
                                    .toList());
                    requireAllChanged(c, batch, changed);
                    db.sql.batch(
                            c,
                            UPDATE_SEARCH,
                            batch.stream()
                                    .map(RecordWithUniqueValues::record)
                                    .map(r -> new Object[] {searchText(r), r.id(), r.workspace()})
                                    .toList());
                    Map<WorkspaceId, List<RecordId>> ids = batch.stream()
                            .map(RecordWithUniqueValues::record)
                            .collect(Collectors.groupingBy(
                                    StoredRecord::workspace,
                                    LinkedHashMap::new,
                                    Collectors.mapping(StoredRecord::id, Collectors.toList())));
                    ids.forEach((workspace, its) -> {
                        for (int from = 0; from < its.size(); from += JdbcRecordReads.IN_LIST_CHUNK) {
                            List<RecordId> chunk =
                                    its.subList(from, Math.min(its.size(), from + JdbcRecordReads.IN_LIST_CHUNK));
                            db.sql.update(
                                    c,
                                    Query.of(
                                                    "DELETE FROM unique_values WHERE workspace = ? AND record_id IN (",
                                                    workspace)
                                            .in(chunk)
                                            .add(")"));
                        }
                    });
                    db.sql.batch(c, INSERT_VALUE, valueRows(batch));
                    return null;
                },
                failure -> refusals.onUpdate(c, batch, failure)));
    }

    /**
     * The unique attributes of {@code type} changed. Every record's values are written unclaimed
     * first (page by page: memory stays flat), then claimed for the active records in one statement,
     * which the database refuses when two active records share one.
     */
    @Override
    public void reindexUnique(WorkspaceId workspace, ObjectType type) {
        db.transactions.statements(c -> db.transactions.atomically(
                c,
                () -> {
                    db.sql.update(
                            c, "DELETE FROM unique_values WHERE workspace = ? AND type = ?", workspace, type.name());
                    Optional<RecordId> after = Optional.empty();
                    while (true) {
                        Query page = Query.of(
                                "SELECT id, attributes FROM records WHERE workspace = ? AND type = ?",
                                workspace,
                                type.name());
                        after.ifPresent(id -> page.add(" AND id > ?", id));
                        page.add(" ORDER BY id LIMIT ?", REINDEX_PAGE);
                        record Held(RecordId id, Map<String, String> values) {}
                        List<Held> held = db.sql.list(
                                c,
                                page,
                                rows -> new Held(
                                        RecordId.of(db.sql.uuid(rows, "id")),
                                        UniqueValues.of(type, Json.object(rows.getString("attributes")))));
                        List<Object[]> rows = new ArrayList<>();
                        held.forEach(h -> h.values()
                                .forEach((attribute, value) -> rows.add(new Object[] {
                                    workspace,
                                    h.id(),
                                    type.name(),
                                    attribute,
                                    Hashes.uniqueValue(attribute, value),
                                    Sql.Null.TEXT
                                })));
                        db.sql.batch(c, INSERT_VALUE, rows);
                        if (held.size() < REINDEX_PAGE) {
                            break;
                        }
                        after = Optional.of(held.get(held.size() - 1).id());
                    }
                    db.transactions.atomically(
                            c,
                            () -> db.sql.update(
                                    c,
                                    Query.of(
                                                    "UPDATE unique_values SET active_hash = value_hash WHERE workspace = ? AND type = ?"
                                                            + " AND record_id IN (SELECT id FROM records WHERE workspace = ? AND ",
                                                    workspace,
                                                    type.name(),
                                                    workspace)
                                            .add(db.dialect.typeInState(ArchivedFilter.ACTIVE), type.name())
                                            .add(")")),
                            failure -> db.dialect.isUniqueViolation(failure)
                                    ? refusals.sharedAmongActive(c, workspace, type.name())
                                    : null);
                    return null;
                },
                failure -> null));
    }

    /** The unique_values rows of a batch: claimed (active_hash set) for active records only. */
    private static List<Object[]> valueRows(List<RecordWithUniqueValues> batch) {
        List<Object[]> rows = new ArrayList<>();
        for (RecordWithUniqueValues item : batch) {
            StoredRecord record = item.record();
            item.uniqueValues().forEach((attribute, value) -> {
                String hash = Hashes.uniqueValue(attribute, value);
                rows.add(new Object[] {
                    record.workspace(),
                    record.id(),
                    record.type(),
                    attribute,
                    hash,
                    record.archived() ? Sql.Null.TEXT : hash
                });
            });
        }
        return rows;
    }

    /** An update that changed no row met a record that is gone, archived, or at another version. */
    private void requireAllChanged(Connection c, List<RecordWithUniqueValues> batch, int[] changed) {
        for (int i = 0; i < batch.size(); i++) {
            if (changed[i] == Statement.SUCCESS_NO_INFO || changed[i] == 0) {
                StoredRecord wanted = batch.get(i).record();
                StoredRecord current = db.sql
                        .first(
                                c,
                                "SELECT " + RecordRows.COLUMNS + " FROM records WHERE workspace = ? AND id = ?",
                                RecordRows.mapper(db.sql),
                                wanted.workspace(),
                                wanted.id())
                        .orElseThrow(() -> ArchivistException.notFound(wanted.id()));
                if (current.version() == wanted.version() && changed[i] == Statement.SUCCESS_NO_INFO) {
                    continue; // the driver did not count, and the row carries the new version: it changed
                }
                Lifecycle.requireActive(current);
                throw ArchivistException.staleVersion(wanted.id(), current.version(), wanted.version() - 1);
            }
        }
    }

    /** For the refusal translators: the conflict of {@code record} on {@code attribute} with {@code holder}. */
    static ArchivistException conflict(StoredRecord record, String attribute, RecordId holder) {
        return new UniqueConflict(record.id(), record.type(), attribute, holder).toException();
    }

    private static String searchText(StoredRecord record) {
        return SearchText.of(record.key(), record.attributes());
    }
}
