package io.archivist.application.service;

import io.archivist.application.port.in.IdempotentRequestUseCase;
import io.archivist.application.port.in.RememberedResponse;
import io.archivist.application.port.out.Ports;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Limits;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** R10: an Idempotency-Key is answered once per 24 hours; its first response is remembered with the action. */
public final class IdempotencyService implements IdempotentRequestUseCase {

    static final Duration KEPT = Duration.ofHours(24);

    private final Ports ports;
    private final Workspaces workspaces;

    public IdempotencyService(Ports ports) {
        this.ports = ports;
        this.workspaces = new Workspaces(ports);
    }

    @Override
    public RememberedResponse once(Caller caller, String key, String fingerprint,
                                   Supplier<RememberedResponse> action) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw ArchivistException.invalid("an Idempotency-Key is 1 to 255 characters");
        }
        String scopedKey = caller.actor() + "\n" + key;
        return ports.unitOfWork().write(caller.workspace(), () -> {
            Optional<RememberedResponse> first = ports.idempotency()
                    .find(caller.workspace(), scopedKey, workspaces.now().minus(KEPT));
            if (first.isPresent()) {
                if (!first.get().fingerprint().equals(fingerprint)) {
                    throw new ArchivistException(ErrorCode.VALIDATION_FAILED,
                            "Idempotency-Key '" + Limits.quote(key) + "' was used for another request in the last 24 hours");
                }
                return first.get();
            }
            RememberedResponse response = action.get();
            ports.idempotency().remember(caller.workspace(), scopedKey, response);
            return response;
        });
    }
}
