package io.archivist.adapters.rest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * R10: the answers given again for an Idempotency-Key. Counted where the answer is sent, which is the one
 * place that knows it replays (it adds Idempotent-Replayed), after the replay's read has ended.
 */
@Singleton
public class ReplayMetrics {

    static final String REPLAYS = "archivist.idempotency.replays";

    private final Counter replays;

    public ReplayMetrics(MeterRegistry registry) {
        this.replays = Counter.builder(REPLAYS)
                .description("answers replayed for an Idempotency-Key instead of acting again")
                .register(registry);
    }

    public void replayed() {
        replays.increment();
    }
}
