package io.archivist.application.port.out;

import io.archivist.domain.ObjectType;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.util.Map;

/**
 * Writes of single records, and the unique values a type's change recomputes. Called inside
 * {@link UnitOfWork#write}.
 */
public interface RecordWrites {

    /**
     * Inserts a new active record holding {@code uniqueValues} (attribute → canonical value).
     * The store itself refuses, atomically with concurrent writers, a second record with the
     * same key in the type (DUPLICATE_KEY) or an active record sharing a unique value (UNIQUE_CONFLICT).
     */
    void insert(StoredRecord record, Map<String, String> uniqueValues);

    /**
     * Replaces the attributes of an active record; {@code updated.version()} is one past the
     * version it replaces, and a stale one is a PRECONDITION_FAILED. Unique values as for insert.
     */
    void update(StoredRecord updated, Map<String, String> uniqueValues);

    /**
     * The unique attributes of {@code type} changed: recompute the unique values every record of it
     * holds (UniqueValues), refusing with UNIQUE_CONFLICT, and changing nothing, when two active
     * records would share one.
     */
    void reindexUnique(WorkspaceId workspace, ObjectType type);
}
