package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.RecordId;
import java.util.Objects;
import java.util.OptionalLong;

/** Archive, restore, purge or delete one record, optionally guarded by If-Match (R10). */
public record LifecycleCommand(Caller caller, RecordId id, OptionalLong ifMatch) {

    public LifecycleCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(id, "id");
        ifMatch = ifMatch == null ? OptionalLong.empty() : ifMatch;
    }

    public static LifecycleCommand of(Caller caller, RecordId id) {
        return new LifecycleCommand(caller, id, OptionalLong.empty());
    }
}
