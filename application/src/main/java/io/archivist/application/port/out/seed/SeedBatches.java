package io.archivist.application.port.out.seed;

import io.archivist.domain.StoredRecord;
import java.util.List;
import java.util.Map;

/**
 * Seeds: records written a batch at a time, one round trip a batch. Called inside
 * {@link io.archivist.application.port.out.UnitOfWork#write}.
 */
public interface SeedBatches {

    /**
     * Seeds: inserts a batch of records in one round trip, with the same refusals as
     * {@link io.archivist.application.port.out.RecordWrites#insert}.
     * A record of the batch may be archived already (deleted_at and archive_operation set): it claims
     * no unique value, and the store remembers it as touched by its archive operation (for history).
     */
    void insertAll(List<RecordWithUniqueValues> batch);

    /**
     * Seeds: replaces the attributes of a batch of active records in one round trip, as
     * {@link io.archivist.application.port.out.RecordWrites#update} does one.
     */
    void updateAll(List<RecordWithUniqueValues> batch);

    /** A record with the canonical values of its type's unique attributes (see UniqueValues). */
    record RecordWithUniqueValues(StoredRecord record, Map<String, String> uniqueValues) {
        public RecordWithUniqueValues {
            uniqueValues = Map.copyOf(uniqueValues);
        }
    }
}
