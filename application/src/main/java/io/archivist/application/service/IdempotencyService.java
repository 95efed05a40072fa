package io.archivist.application.service;

import io.archivist.application.port.in.IdempotentRequestUseCase;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.RememberedAnswer;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Limits;
import io.archivist.domain.Role.Permission;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** R10: an Idempotency-Key is answered once per 24 hours; its first response is remembered with the action. */
public final class IdempotencyService implements IdempotentRequestUseCase {

    static final Duration KEPT = Duration.ofHours(24);
    /** Expired answers forgotten per statement: a backlog is cleared in short steps, never one long one. */
    static final int FORGET_BATCH = 1_000;

    private final IdempotencyStore idempotency;
    private final UnitOfWork unitOfWork;
    private final TimeSource time;

    public IdempotencyService(IdempotencyStore idempotency, UnitOfWork unitOfWork, TimeSource time) {
        this.idempotency = idempotency;
        this.unitOfWork = unitOfWork;
        this.time = time;
    }

    @Override
    public String once(
            Caller caller,
            Permission permission,
            String key,
            String fingerprint,
            Supplier<String> action,
            Function<ArchivistException, String> refusal) {
        // Authorised before any replay: a caller whose roles no longer allow the call never gets the stored answer.
        caller.require(permission);
        if (key == null || key.isBlank() || key.length() > 255) {
            throw ArchivistException.invalid("an Idempotency-Key is 1 to 255 characters");
        }
        // A key belongs to its caller in its workspace; a sub holds no control character, so "\n" cannot be forged.
        String scopedKey = caller.actor() + "\n" + key;
        boolean[] acting = {false};
        try {
            return unitOfWork.write(caller.workspace(), () -> {
                acting[0] = false;
                Optional<RememberedAnswer> first = remembered(caller, scopedKey, key, fingerprint);
                if (first.isPresent()) {
                    return first.get().answer();
                }
                acting[0] = true;
                String answer = action.get();
                idempotency.remember(caller.workspace(), scopedKey, new RememberedAnswer(fingerprint, answer, now()));
                return answer;
            });
        } catch (ArchivistException refused) {
            if (acting[0] && !refused.code().invitesRetry()) {
                rememberRefusal(caller, scopedKey, new RememberedAnswer(fingerprint, refusal.apply(refused), now()));
            }
            throw refused;
        }
    }

    @Override
    public long forgetExpired() {
        Instant cutoff = now().minus(KEPT);
        long forgotten = 0;
        int batch;
        do {
            batch = idempotency.forget(cutoff, FORGET_BATCH);
            forgotten += batch;
        } while (batch == FORGET_BATCH);
        return forgotten;
    }

    /**
     * The action's unit rolled back, taking whatever it wrote; the refusal changed nothing, so it is
     * kept in a unit of its own. A request with the same key that was answered meanwhile keeps its answer.
     */
    private void rememberRefusal(Caller caller, String scopedKey, RememberedAnswer answer) {
        unitOfWork.write(caller.workspace(), () -> {
            if (idempotency.find(caller.workspace(), scopedKey, notBefore()).isEmpty()) {
                idempotency.remember(caller.workspace(), scopedKey, answer);
            }
            return null;
        });
    }

    private Optional<RememberedAnswer> remembered(Caller caller, String scopedKey, String key, String fingerprint) {
        Optional<RememberedAnswer> first = idempotency.find(caller.workspace(), scopedKey, notBefore());
        if (first.isPresent() && !first.get().fingerprint().equals(fingerprint)) {
            throw new ArchivistException(
                    ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + Limits.quote(key)
                            + "' was used for another request (method, path, query string or body) in the last 24 hours");
        }
        return first;
    }

    private Instant notBefore() {
        return now().minus(KEPT);
    }

    private Instant now() {
        return Workspaces.now(time);
    }
}
