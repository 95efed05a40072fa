package io.archivist.application.port.in;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Limits;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public record CreateRecordCommand(
        Caller caller, String type, Optional<String> key, Map<String, Object> attributes, List<RecordId> parents) {

    public CreateRecordCommand {
        Objects.requireNonNull(caller, "caller");
        if (type == null || type.isBlank()) {
            throw ArchivistException.invalid("a record needs a type");
        }
        key = key == null ? Optional.empty() : key;
        key.ifPresent(Limits::requireKey);
        attributes = attributes == null ? Map.of() : attributes;
        parents = parents == null ? List.of() : List.copyOf(parents);
    }
}
