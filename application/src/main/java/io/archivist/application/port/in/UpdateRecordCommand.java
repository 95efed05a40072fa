package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.RecordId;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/** An RFC 7396 merge patch of a record's attributes, optionally guarded by If-Match. */
public record UpdateRecordCommand(
        Caller caller, RecordId id, Map<String, Object> attributesPatch, OptionalLong ifMatch) {

    public UpdateRecordCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(attributesPatch, "attributes patch");
        ifMatch = ifMatch == null ? OptionalLong.empty() : ifMatch;
    }
}
