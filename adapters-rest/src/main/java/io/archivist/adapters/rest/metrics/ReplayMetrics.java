package io.archivist.adapters.rest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * R10: the answers given again for an Idempotency-Key. Counted where the answer is sent, which is the one
 * place that knows it replays (it adds Idempotent-Replayed), after the replay's read has ended.
 */
@Singleton
public class ReplayMetrics {

    static final String REPLAYS = "archivist.idempotency.replays";

    /** None with micronaut.metrics.enabled=false. */
    private final Optional<Counter> replays;

    public ReplayMetrics(Optional<MeterRegistry> registry) {
        this.replays = registry.map(meters -> Counter.builder(REPLAYS)
                .description("answers replayed for an Idempotency-Key instead of acting again")
                .register(meters));
    }

    public void replayed() {
        replays.ifPresent(Counter::increment);
    }
}
