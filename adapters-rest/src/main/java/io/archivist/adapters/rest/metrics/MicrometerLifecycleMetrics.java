package io.archivist.adapters.rest.metrics;

import io.archivist.application.port.out.LifecycleMetrics;
import io.archivist.domain.Caller;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.WorkspaceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's {@link LifecycleMetrics} as Micrometer meters (docs/operations.md has the names). No label
 * holds a workspace, record, type or user value, unless {@code archivist.metrics.workspace-label=true} adds the
 * workspace to the lifecycle meters: the actor is only its kind (user, system, seed). Each committed operation
 * is also logged, on the thread of the request that ran it, so that its line carries the request id. With
 * micronaut.metrics.enabled=false there is no registry, and the services report to no one.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class MicrometerLifecycleMetrics implements LifecycleMetrics {

    static final String OPERATIONS = "archivist.operations";
    static final String OPERATION_RECORDS = "archivist.operation.records";
    static final String CASCADE = "archivist.cascade.duration";
    static final String TURN_WAIT = "archivist.workspace.turn.wait";
    static final String SEED_IMPORT = "archivist.seed.import";
    static final String SEED_RECORDS = "archivist.seed.records";

    /** Histogram buckets of the lifecycle timers: a cascade or a seed takes from a millisecond to minutes. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5)
    };

    private static final Logger OPERATION_LOG = LoggerFactory.getLogger("io.archivist.operations");

    private final MeterRegistry registry;
    private final boolean workspaceLabel;

    public MicrometerLifecycleMetrics(
            MeterRegistry registry, @Value("${archivist.metrics.workspace-label:false}") boolean workspaceLabel) {
        this.registry = registry;
        this.workspaceLabel = workspaceLabel;
    }

    @Override
    public void turnWaited(WorkspaceId workspace, Duration waited, boolean granted) {
        timer(TURN_WAIT, "R14: how long a write waited for its workspace's turn", workspace)
                .tags("outcome", granted ? "granted" : "refused")
                .register(registry)
                .record(waited);
    }

    @Override
    public void operationCommitted(Operation operation, Duration cascade) {
        String kind = kind(operation.kind());
        String actor = actorKind(operation.actor());
        Tags tags = labels(operation.workspace()).and("kind", kind, "actor", actor);
        Counter.builder(OPERATIONS)
                .description("archive, restore and purge operations committed (actor: user, system or seed)")
                .tags(tags)
                .register(registry)
                .increment();
        Counter.builder(OPERATION_RECORDS)
                .description("records archived, restored or purged by committed operations")
                .tags(tags)
                .register(registry)
                .increment(operation.total());
        timer(CASCADE, "how long an operation's cascade took in the store", operation.workspace())
                .tags("kind", kind)
                .register(registry)
                .record(cascade);
        OPERATION_LOG.info(
                "{} {} by {}: {} records in {} ms", kind, operation.id(), actor, operation.total(), cascade.toMillis());
    }

    @Override
    public void seedImported(WorkspaceId workspace, long records, Duration took) {
        timer(SEED_IMPORT, "seed imports committed, and how long each took", workspace)
                .register(registry)
                .record(took);
        Counter.builder(SEED_RECORDS)
                .description("records in the seeds imported")
                .tags(labels(workspace))
                .register(registry)
                .increment(records);
    }

    /** user, system or seed: never the user's own name. */
    static String actorKind(String actor) {
        return switch (actor) {
            case Caller.SYSTEM -> "system";
            case Caller.SEED -> "seed";
            default -> "user";
        };
    }

    static String kind(OperationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private Timer.Builder timer(String name, String description, WorkspaceId workspace) {
        return Timer.builder(name)
                .description(description)
                .tags(labels(workspace))
                .serviceLevelObjectives(BUCKETS);
    }

    private Tags labels(WorkspaceId workspace) {
        return workspaceLabel ? Tags.of("workspace", workspace.value()) : Tags.empty();
    }
}
