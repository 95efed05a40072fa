package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.OperationId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Undo an archive operation: restore every root it still holds. {@code ifMatch} (R10) names the version
 * of the operation's root, as the archive answered it; an operation of several roots has no one version.
 */
public record RestoreOperationCommand(Caller caller, OperationId operation, OptionalLong ifMatch) {

    public RestoreOperationCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(operation, "operation");
        ifMatch = ifMatch == null ? OptionalLong.empty() : ifMatch;
    }
}
