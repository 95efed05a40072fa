package io.archivist.application.port.in;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Objects;

/** R12: one action over many ids; with {@code atomic} it is all-or-nothing. */
public record BulkCommand(Caller caller, Action action, List<RecordId> ids, boolean atomic) {

    public enum Action {
        ARCHIVE,
        RESTORE,
        DELETE
    }

    public BulkCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        if (ids == null || ids.isEmpty()) {
            throw ArchivistException.invalid("a bulk request needs at least one id");
        }
        ids = List.copyOf(ids);
    }
}
