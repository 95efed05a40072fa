package io.archivist.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A record as the service keeps it (docs/lifecycle.md#concepts). {@code attributes} is a JSON object as plain
 * Java values (String, Number, Boolean, null, List, Map). {@code parents} are fixed at creation.
 * Named StoredRecord so that it never shadows {@link java.lang.Record}.
 */
public record StoredRecord(
        RecordId id,
        WorkspaceId workspace,
        String type,
        Optional<String> key,
        Map<String, Object> attributes,
        List<RecordId> parents,
        Optional<Instant> deletedAt,
        Optional<OperationId> archiveOperation,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String updatedBy) {

    public StoredRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(type, "type");
        key = key == null ? Optional.empty() : key;
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        parents = List.copyOf(parents);
        deletedAt = deletedAt == null ? Optional.empty() : deletedAt;
        archiveOperation = archiveOperation == null ? Optional.empty() : archiveOperation;
        if (deletedAt.isPresent() != archiveOperation.isPresent()) {
            throw new IllegalArgumentException("an archived record carries exactly one operation (I2): " + id);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A record about to be created: version 1, active. */
    public static StoredRecord create(
            RecordId id,
            WorkspaceId workspace,
            String type,
            Optional<String> key,
            Map<String, Object> attributes,
            List<RecordId> parents,
            String actor,
            Instant at) {
        return new StoredRecord(
                id,
                workspace,
                type,
                key,
                attributes,
                parents,
                Optional.empty(),
                Optional.empty(),
                1,
                at,
                at,
                actor,
                actor);
    }

    public boolean archived() {
        return deletedAt.isPresent();
    }

    /** R11: when the retention job may purge this record, if its type has a retention. */
    public Optional<Instant> purgeAfter(ObjectType ofType) {
        return deletedAt.flatMap(at -> ofType.retention().map(r -> r.purgeAfter(at)));
    }

    /** The record with its attributes replaced (an update); the version moves on. */
    public StoredRecord withAttributes(Map<String, Object> newAttributes, String actor, Instant at) {
        return changed(newAttributes, deletedAt, archiveOperation, actor, at);
    }

    /** The record as an archive operation leaves it. */
    public StoredRecord archivedBy(OperationId operation, String actor, Instant at) {
        return changed(attributes, Optional.of(at), Optional.of(operation), actor, at);
    }

    /** The record as a restore leaves it. */
    public StoredRecord restoredBy(String actor, Instant at) {
        return changed(attributes, Optional.empty(), Optional.empty(), actor, at);
    }

    /** Every change makes the next version, by {@code actor} at {@code at}; what it was made from stays. */
    private StoredRecord changed(
            Map<String, Object> newAttributes,
            Optional<Instant> newDeletedAt,
            Optional<OperationId> newArchiveOperation,
            String actor,
            Instant at) {
        return new StoredRecord(
                id,
                workspace,
                type,
                key,
                newAttributes,
                parents,
                newDeletedAt,
                newArchiveOperation,
                version + 1,
                createdAt,
                at,
                createdBy,
                actor);
    }
}
