package io.archivist.adapters.persistence.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoWriteException;
import io.archivist.application.port.out.RecordReads;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueConflict;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a duplicate-key error of the unique indexes into the refusal the port promises
 * (DUPLICATE_KEY or UNIQUE_CONFLICT naming the holder), by asking who holds the value.
 */
final class Duplicates {

    private static final int DUPLICATE_KEY = 11000;

    private Duplicates() {}

    static boolean isDuplicate(RuntimeException e) {
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(error -> error.getCode() == DUPLICATE_KEY);
        }
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoServerException server && server.getCode() == DUPLICATE_KEY;
    }

    /** Why {@code record} could not be written; {@code cause} when no holder can be found (a race already over). */
    static RuntimeException explain(
            RecordReads store, StoredRecord record, Map<String, String> uniqueValues, RuntimeException cause) {
        if (record.key().isPresent()) {
            Optional<StoredRecord> holder = store.findByKey(
                            record.workspace(), record.type(), record.key().get())
                    .filter(found -> !found.id().equals(record.id()));
            if (holder.isPresent()) {
                return ArchivistException.duplicateKey(
                        record.type(), record.key().get(), holder.get().id());
            }
        }
        if (!record.archived()) {
            for (Map.Entry<String, String> value : uniqueValues.entrySet()) {
                Optional<RecordId> holder = store.activeHolder(
                                record.workspace(), record.type(), value.getKey(), value.getValue())
                        .filter(found -> !found.equals(record.id()));
                if (holder.isPresent()) {
                    return new UniqueConflict(record.id(), record.type(), value.getKey(), holder.get()).toException();
                }
            }
        }
        return cause;
    }
}
