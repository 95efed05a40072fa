package io.archivist.adapters.rest.shutdown;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPEC §6: on SIGTERM the instance takes no new request (each gets a 503 SHUTTING_DOWN with Retry-After,
 * the listening socket staying open so that nobody meets a refused connection instead) and lets those under
 * way, and a run of the retention job, finish within {@code archivist.shutdown.grace-period} (30 s by
 * default: keep an orchestrator's own kill timeout longer). Only then does the service stop: the server,
 * then the store (the pool's connections closed; on MongoDB no lease is held any more, since no unit is
 * under way). Work still running past the bound is cut short by the stop; its unit of work never commits,
 * so it never happened (R8), and on MongoDB its lease expires and another instance recovers it.
 *
 * <p>The command line calls {@link #drain} from its signal handler, before the JVM's shutdown hooks stop
 * the service; a stop that comes another way (the context closed in a test) drains here first too.
 * Micronaut's own graceful shutdown ({@code micronaut.lifecycle.graceful-shutdown}, since 4.9) is left off:
 * it closes the listening socket at once, so a new request meets a refused connection rather than a 503
 * with Retry-After, and it runs from the JVM's shutdown hooks, after which the process exits 143, not 0.
 */
@Singleton
public final class GracefulShutdown implements ApplicationEventListener<ServerShutdownEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final ShutdownGate gate;
    private final Duration gracePeriod;
    private boolean drained;

    public GracefulShutdown(ShutdownGate gate, @Value("${archivist.shutdown.grace-period:30s}") Duration gracePeriod) {
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("archivist.shutdown.grace-period is 0 or more, not " + gracePeriod);
        }
        this.gate = gate;
        this.gracePeriod = gracePeriod;
    }

    @Override
    public void onApplicationEvent(ServerShutdownEvent event) {
        drain("the server stops");
    }

    /** Closes the gate and waits, at most the grace period, for the work under way; once. */
    public synchronized void drain(String why) {
        if (drained) {
            return;
        }
        drained = true;
        long started = System.nanoTime();
        int underWay = gate.close();
        LOG.info(
                "Shutting down ({}): new requests are refused (503 SHUTTING_DOWN); waiting up to {} for {} under way",
                why,
                gracePeriod,
                underWay);
        try {
            int left = gate.awaitIdle(gracePeriod);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (left == 0) {
                LOG.info("Shutting down: nothing under way any more after {} ms; stopping", millis);
            } else {
                LOG.warn(
                        "Shutting down: {} still under way after the grace period ({}); stopping anyway, their units"
                                + " of work do not commit",
                        left,
                        gracePeriod);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Shutting down: the wait for the work under way was interrupted; stopping");
        }
    }
}
