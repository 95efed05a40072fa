package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a constraint the database enforced into the rule it stands for, naming the record that
 * holds the key or value (R6). Runs after the failed batch was rolled back to its savepoint, so
 * what it finds is what was there before; a clash inside the batch itself names the batch's record.
 */
final class UniqueRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(UniqueRefusals.class);

    private final JdbcDatabase db;

    UniqueRefusals(JdbcDatabase db) {
        this.db = db;
    }

    RuntimeException onInsert(Connection c, List<RecordWithUniqueValues> batch, SQLException failure) {
        if (db.dialect.isValueTooLong(failure)) {
            return tooLong(failure);
        }
        if (db.dialect.isForeignKeyViolation(failure)) {
            return missingParent(c, batch);
        }
        if (!db.dialect.isUniqueViolation(failure)) {
            return null;
        }
        RuntimeException refusal = duplicateKey(c, batch);
        if (refusal == null) {
            refusal = sharedValue(c, batch);
        }
        if (refusal == null) {
            refusal = parentNamedTwice(batch);
        }
        return refusal;
    }

    RuntimeException onUpdate(Connection c, List<RecordWithUniqueValues> batch, SQLException failure) {
        if (db.dialect.isValueTooLong(failure)) {
            return tooLong(failure);
        }
        return db.dialect.isUniqueViolation(failure) ? sharedValue(c, batch) : null;
    }

    /** Reindexing found two active records of {@code type} sharing a value: names one pair. */
    ArchivistException sharedAmongActive(Connection c, WorkspaceId workspace, String type) {
        Query pair = Query.of(
                        "SELECT u.record_id AS record_id, u.attribute AS attribute, v.record_id AS holder"
                                + " FROM unique_values u JOIN unique_values v ON v.workspace = u.workspace AND v.workspace = ?"
                                + " AND v.type = u.type AND v.value_hash = u.value_hash AND v.record_id < u.record_id",
                        workspace)
                .add(
                        " JOIN records r ON r.workspace = u.workspace AND r.workspace = ? AND r.id = u.record_id"
                                + " AND r.deleted_at IS NULL",
                        workspace)
                .add(
                        " JOIN records h ON h.workspace = v.workspace AND h.workspace = ? AND h.id = v.record_id"
                                + " AND h.deleted_at IS NULL",
                        workspace)
                .add(" WHERE u.workspace = ? AND u.type = ? ORDER BY u.record_id LIMIT 1", workspace, type);
        return db
                .sql
                .list(
                        c,
                        pair,
                        rows -> new UniqueConflict(
                                        RecordId.of(db.sql.uuid(rows, "record_id")),
                                        type,
                                        rows.getString("attribute"),
                                        RecordId.of(db.sql.uuid(rows, "holder")))
                                .toException())
                .stream()
                .findFirst()
                .orElseGet(() -> new ArchivistException(
                        ErrorCode.UNIQUE_CONFLICT, "two active records of type '" + type + "' share a unique value"));
    }

    /** R6: a key is unique among all records of its type, archived too. */
    private RuntimeException duplicateKey(Connection c, List<RecordWithUniqueValues> batch) {
        Map<List<Object>, RecordId> seen = new HashMap<>();
        Map<WorkspaceId, Set<String>> keys = new LinkedHashMap<>();
        for (RecordWithUniqueValues item : batch) {
            StoredRecord record = item.record();
            if (record.key().isEmpty()) {
                continue;
            }
            List<Object> slot =
                    List.of(record.workspace(), record.type(), record.key().get());
            RecordId earlier = seen.putIfAbsent(slot, record.id());
            if (earlier != null) {
                return duplicateKey(record, earlier);
            }
            keys.computeIfAbsent(record.workspace(), w -> new LinkedHashSet<>())
                    .add(record.key().get());
        }
        Map<List<Object>, RecordId> existing = new HashMap<>();
        keys.forEach((workspace, its) -> chunks(new ArrayList<>(its))
                .forEach(chunk -> db.sql.list(
                        c,
                        Query.of(
                                        "SELECT type, record_key, id FROM records WHERE workspace = ? AND record_key IN (",
                                        workspace)
                                .in(chunk)
                                .add(")"),
                        rows -> existing.put(
                                List.of(workspace, rows.getString("type"), rows.getString("record_key")),
                                RecordId.of(db.sql.uuid(rows, "id"))))));
        for (RecordWithUniqueValues item : batch) {
            StoredRecord record = item.record();
            RecordId holder = record.key()
                    .map(key -> existing.get(List.of(record.workspace(), record.type(), key)))
                    .orElse(null);
            if (holder != null && !holder.equals(record.id())) {
                return duplicateKey(record, holder);
            }
        }
        return null;
    }

    private static ArchivistException duplicateKey(StoredRecord record, RecordId holder) {
        return ArchivistException.duplicateKey(record.type(), record.key().orElseThrow(), holder);
    }

    /** R6: an active record of the batch would share a unique value with another active record. */
    private RuntimeException sharedValue(Connection c, List<RecordWithUniqueValues> batch) {
        record Claim(StoredRecord record, String attribute, String hash) {}
        List<Claim> claims = new ArrayList<>();
        batch.stream()
                .filter(item -> !item.record().archived())
                .forEach(item -> item.uniqueValues()
                        .forEach((attribute, value) ->
                                claims.add(new Claim(item.record(), attribute, Hashes.uniqueValue(attribute, value)))));
        Map<List<Object>, RecordId> seen = new HashMap<>();
        for (Claim claim : claims) {
            RecordId earlier = seen.putIfAbsent(
                    List.of(claim.record().workspace(), claim.record().type(), claim.hash()),
                    claim.record().id());
            if (earlier != null) {
                return JdbcRecordWrites.conflict(claim.record(), claim.attribute(), earlier);
            }
        }
        Map<WorkspaceId, List<String>> hashes = claims.stream()
                .collect(Collectors.groupingBy(
                        claim -> claim.record().workspace(),
                        LinkedHashMap::new,
                        Collectors.mapping(Claim::hash, Collectors.toList())));
        Map<List<Object>, RecordId> holders = new HashMap<>();
        hashes.forEach((workspace, its) -> chunks(its)
                .forEach(chunk -> db.sql.list(
                        c,
                        Query.of(
                                        "SELECT type, active_hash, record_id FROM unique_values WHERE workspace = ? AND active_hash IN (",
                                        workspace)
                                .in(chunk)
                                .add(")"),
                        rows -> holders.put(
                                List.of(workspace, rows.getString("type"), rows.getString("active_hash")),
                                RecordId.of(db.sql.uuid(rows, "record_id"))))));
        for (Claim claim : claims) {
            RecordId holder = holders.get(
                    List.of(claim.record().workspace(), claim.record().type(), claim.hash()));
            if (holder != null && !holder.equals(claim.record().id())) {
                return JdbcRecordWrites.conflict(claim.record(), claim.attribute(), holder);
            }
        }
        return null;
    }

    /** docs/lifecycle.md#concepts: each parent exists in the record's workspace (the services check first; this is the database's word). */
    private RuntimeException missingParent(Connection c, List<RecordWithUniqueValues> batch) {
        Set<RecordId> inBatch = batch.stream().map(item -> item.record().id()).collect(Collectors.toSet());
        for (RecordWithUniqueValues item : batch) {
            StoredRecord record = item.record();
            List<RecordId> named =
                    record.parents().stream().filter(p -> !inBatch.contains(p)).toList();
            if (named.isEmpty()) {
                continue;
            }
            Set<RecordId> found = new java.util.HashSet<>(db.sql.list(
                    c,
                    Query.of("SELECT id FROM records WHERE workspace = ? AND id IN (", record.workspace())
                            .in(named)
                            .add(")"),
                    rows -> RecordId.of(db.sql.uuid(rows, "id"))));
            for (RecordId parent : named) {
                if (!found.contains(parent)) {
                    return ArchivistException.missingParent(parent);
                }
            }
        }
        return null;
    }

    private static RuntimeException parentNamedTwice(List<RecordWithUniqueValues> batch) {
        return batch.stream()
                .map(RecordWithUniqueValues::record)
                .filter(r ->
                        r.parents().stream().distinct().count() != r.parents().size())
                .findFirst()
                .map(r -> (RuntimeException) ArchivistException.invalid("record " + r.id() + " names a parent twice"))
                .orElse(null);
    }

    private static RuntimeException tooLong(SQLException failure) {
        LOG.debug("the database refused a value as too long", failure); // its text names tables and columns
        return ArchivistException.invalid("a value is longer than the store keeps (keys and actors: 255 characters,"
                + " unique attribute names: 1024)");
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += JdbcRecordReads.IN_LIST_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + JdbcRecordReads.IN_LIST_CHUNK)));
        }
        return chunks;
    }
}
