package io.archivist.adapters.rest.health;

import io.archivist.application.port.in.StoreHealthQuery;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health/readiness} (and {@code /health}) is DOWN, a 503, while the store does not answer a small read
 * within {@code archivist.health.store-timeout}: a load balancer then sends the requests elsewhere, and the
 * instance comes back as soon as its store does. The service listens only once its store is open (migrations
 * run and indexes made at start-up, before the server binds), so there is no moment of readiness before that.
 * One check runs at a time, off the event loop: probes that come while it runs share its answer, so a store
 * that hangs never piles up threads or connections. A change of state is logged.
 */
@Singleton
@Readiness
public final class StoreReadiness implements HealthIndicator {

    static final String NAME = "store";
    private static final Logger LOG = LoggerFactory.getLogger(StoreReadiness.class);

    private final StoreHealthQuery store;
    private final ExecutorService blocking;
    private final Duration timeout;
    private final AtomicReference<CompletableFuture<Boolean>> running = new AtomicReference<>();
    private final AtomicBoolean answered = new AtomicBoolean(true);

    public StoreReadiness(
            StoreHealthQuery store,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            @Value("${archivist.health.store-timeout:3s}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("archivist.health.store-timeout must be positive: " + timeout);
        }
        this.store = store;
        this.blocking = blocking;
        this.timeout = timeout;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(check().copy()
                .completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failed -> false)
                .thenApply(this::result));
    }

    /** The check under way, or a new one. */
    private CompletableFuture<Boolean> check() {
        while (true) {
            CompletableFuture<Boolean> current = running.get();
            if (current != null && !current.isDone()) {
                return current;
            }
            CompletableFuture<Boolean> next = new CompletableFuture<>();
            if (running.compareAndSet(current, next)) {
                try {
                    blocking.execute(() -> {
                        try {
                            next.complete(store.storeAnswers());
                        } catch (RuntimeException e) {
                            LOG.debug("the readiness check failed", e);
                            next.complete(false);
                        }
                    });
                } catch (RuntimeException rejected) {
                    next.complete(false);
                }
                return next;
            }
        }
    }

    private HealthResult result(boolean answers) {
        if (answered.getAndSet(answers) != answers) {
            if (answers) {
                LOG.info("The store answers again: ready");
            } else {
                LOG.warn("The store does not answer (within {}): not ready, /health/readiness is a 503", timeout);
            }
        }
        return HealthResult.builder(NAME, answers ? HealthStatus.UP : HealthStatus.DOWN)
                .build();
    }
}
