package io.archivist.application.port.in;

import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Optional;

/** R12: the operations a bulk request ran (none, one, or for a delete an archive and a purge) and each id's result. */
public record BulkResult(List<Operation> operations, List<Item> items) {

    public enum Outcome {
        ARCHIVED,
        RESTORED,
        PURGED,
        SKIPPED,
        ERROR
    }

    public record Item(RecordId id, Outcome outcome, Optional<ErrorCode> error, Optional<String> message) {

        public static Item of(RecordId id, Outcome outcome) {
            return new Item(id, outcome, Optional.empty(), Optional.empty());
        }

        public static Item skipped(RecordId id, String why) {
            return new Item(id, Outcome.SKIPPED, Optional.empty(), Optional.of(why));
        }

        public static Item error(RecordId id, ErrorCode code, String message) {
            return new Item(id, Outcome.ERROR, Optional.of(code), Optional.of(message));
        }
    }

    public BulkResult {
        operations = List.copyOf(operations);
        items = List.copyOf(items);
    }
}
