package io.archivist.adapters.rest.retention;

import io.archivist.adapters.rest.cli.ArchivistCommand;
import io.archivist.adapters.rest.shutdown.ShutdownGate;
import io.archivist.application.port.in.IdempotentRequestUseCase;
import io.archivist.application.port.in.PurgeExpiredUseCase;
import io.archivist.application.port.in.RetentionRun;
import io.archivist.application.port.in.ScheduledWorkUseCase;
import io.archivist.domain.Operation;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R11 in the running service: every {@code archivist.retention.interval} (default 1h), purge the
 * archived records whose type's retention has passed, as actor {@code system}; and forget the
 * Idempotency-Key answers older than 24 hours (R10). However many instances run on the store, one of them
 * does it per interval: each asks the store for the interval's turn, and the others skip it (SPEC §7).
 * Off with {@code archivist.retention.enabled=false}, and in one-shot command-line runs.
 */
@Singleton
@Requires(property = "archivist.retention.enabled", notEquals = "false")
@Requires(notEnv = ArchivistCommand.CLI_ENVIRONMENT)
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    /** The job's name in the store's turns. */
    static final String JOB = "retention";

    private final PurgeExpiredUseCase purgeExpired;
    private final IdempotentRequestUseCase idempotency;
    private final ScheduledWorkUseCase turns;
    private final Duration interval;
    private final ShutdownGate gate;

    public RetentionJob(
            PurgeExpiredUseCase purgeExpired,
            IdempotentRequestUseCase idempotency,
            ScheduledWorkUseCase turns,
            @Value("${archivist.retention.interval:1h}") Duration interval,
            ShutdownGate gate) {
        this.purgeExpired = purgeExpired;
        this.idempotency = idempotency;
        this.turns = turns;
        this.interval = interval;
        this.gate = gate;
    }

    /** A run counts as work under way: a shutdown lets it finish (within its grace period), and starts none. */
    @Scheduled(
            fixedDelay = "${archivist.retention.interval:1h}",
            initialDelay = "${archivist.retention.initial-delay:1m}")
    void onSchedule() {
        if (!gate.enter()) {
            return;
        }
        try {
            runIfOurTurn();
        } finally {
            gate.leave();
        }
    }

    private void runIfOurTurn() {
        try {
            if (!turns.takeTurn(JOB, interval)) {
                LOG.debug("Another instance has this interval's turn of the retention job");
                return;
            }
        } catch (RuntimeException e) {
            LOG.error("Could not ask the store for the retention job's turn; it asks again at its next interval", e);
            return;
        }
        LOG.info("The retention job's turn for this interval is this instance's");
        try {
            purgeNow();
        } catch (RuntimeException e) {
            // The next run tries again; what was purged so far stays purged (each batch is atomic).
            LOG.error("The retention job failed; it runs again at its next interval", e);
        }
        try {
            forgetExpiredAnswers();
        } catch (RuntimeException e) {
            LOG.error("Forgetting expired Idempotency-Key answers failed; the job tries again at its next interval", e);
        }
    }

    /** R10 on the same schedule: Idempotency-Key answers older than 24 hours are forgotten on every store. */
    public long forgetExpiredAnswers() {
        long forgotten = idempotency.forgetExpired();
        if (forgotten > 0) {
            LOG.info("Forgot {} Idempotency-Key answers older than 24 hours", forgotten);
        }
        return forgotten;
    }

    /** One run of the job: the operations it logged, and what it left (in the log too). */
    public RetentionRun purgeNow() {
        RetentionRun run = purgeExpired.purgeExpired();
        List<Operation> done = run.operations();
        if (!done.isEmpty()) {
            LOG.info(
                    "Retention purged {} records in {} operations",
                    done.stream().mapToLong(Operation::total).sum(),
                    done.size());
        }
        for (RetentionRun.Left left : run.left()) {
            if (left.root().isPresent()) {
                LOG.warn(
                        "Retention left record {} of type {} in workspace {}: purging it would change more records"
                                + " than archivist.lifecycle.max-cascade-records allows; raise the limit, or purge"
                                + " its dependents first",
                        left.root().get(),
                        left.type(),
                        left.workspace());
            }
            left.cause()
                    .ifPresent(e -> LOG.error(
                            "Retention of type {} in workspace {} failed; the next run tries again",
                            left.type(),
                            left.workspace(),
                            e));
        }
        return run;
    }
}
