package io.archivist.adapters.rest.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.adapters.rest.shutdown.ShutdownGate;
import io.archivist.application.port.in.IdempotentRequestUseCase;
import io.archivist.application.port.in.PurgeExpiredUseCase;
import io.archivist.application.port.in.RetentionRun;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.Role.Permission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** R10 on the retention job's schedule: each run forgets the expired Idempotency-Key answers, whatever R11 did. */
class RetentionJobTest {

    @Test
    void each_run_forgets_expired_answers_even_when_the_purge_failed() {
        AtomicInteger forgetting = new AtomicInteger();
        IdempotentRequestUseCase idempotency = counting(forgetting);
        PurgeExpiredUseCase failing = () -> {
            throw new IllegalStateException("the store is down");
        };
        RetentionJob job = new RetentionJob(
                failing, idempotency, (name, interval) -> true, Duration.ofHours(1), new ShutdownGate());

        job.onSchedule();
        job.onSchedule();

        assertEquals(2, forgetting.get());
    }

    @Test
    void an_instance_without_the_intervals_turn_neither_purges_nor_forgets() {
        AtomicInteger work = new AtomicInteger();
        IdempotentRequestUseCase idempotency = counting(work);
        PurgeExpiredUseCase purge = () -> {
            work.incrementAndGet();
            return new RetentionRun(List.of(), List.of());
        };
        List<String> asked = new ArrayList<>();
        RetentionJob job = new RetentionJob(
                purge,
                idempotency,
                (name, interval) -> {
                    asked.add(name + " every " + interval);
                    return false;
                },
                Duration.ofMinutes(10),
                new ShutdownGate());

        job.onSchedule();

        assertEquals(List.of("retention every PT10M"), asked);
        assertEquals(0, work.get(), "another instance has the turn");
    }

    /** The idempotency use case as the job sees it: each forgetting counted. */
    private static IdempotentRequestUseCase counting(AtomicInteger forgetting) {
        return new IdempotentRequestUseCase() {
            @Override
            public String once(
                    Caller caller,
                    Permission permission,
                    String key,
                    String fingerprint,
                    Supplier<String> action,
                    Function<ArchivistException, String> refusal) {
                throw new UnsupportedOperationException("the job answers no request");
            }

            @Override
            public long forgetExpired() {
                return forgetting.incrementAndGet();
            }
        };
    }
}
