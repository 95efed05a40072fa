package io.archivist.adapters.persistence.mongo;

import io.archivist.adapters.persistence.mongo.Leases.Lease;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units whose process is gone: a {@code running} one is rolled back, a {@code committed} one finished.
 * A unit is abandoned when its lease expired, or at once when its owner is an earlier run of this
 * process's node. Taking one over is a conditional update, so two processes never recover the same unit.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final Leases leases;
    private final Shadows shadows;
    private final Optional<String> nodeId;
    private final Predicate<String> runningHere;

    /** {@code runningHere}: whether a thread of this process still runs the unit of that id. */
    Recovery(Leases leases, Shadows shadows, Optional<String> nodeId, Predicate<String> runningHere) {
        this.leases = leases;
        this.shadows = shadows;
        this.nodeId = nodeId;
        this.runningHere = runningHere;
    }

    void recoverAll() {
        for (Lease lease : leases.busy()) {
            recoverIfAbandoned(lease);
        }
    }

    /** True when the lease was abandoned and is now recovered, by this process or another. */
    boolean recoverIfAbandoned(Lease lease) {
        if (!abandoned(lease)) {
            return false;
        }
        if (leases.takeOver(lease)) {
            LOG.info(
                    "recovering abandoned unit {} of workspace {} ({}, owner {})",
                    lease.unit(),
                    lease.workspace(),
                    lease.state(),
                    lease.owner());
            if (Leases.COMMITTED.equals(lease.state())) {
                shadows.discard(lease.workspace(), lease.unit());
            } else {
                shadows.rollback(lease.workspace(), lease.unit());
            }
            leases.release(lease.workspace(), lease.unit());
        }
        return true;
    }

    private boolean abandoned(Lease lease) {
        if (lease.idle() || lease.owner() == null) {
            return false;
        }
        if (lease.owner().equals(leases.owner)) {
            // Ours: abandoned only when no thread runs it any more (its rollback or clean-up failed).
            return !runningHere.test(lease.unit()) && leases.expired(lease);
        }
        boolean earlierRunOfThisNode =
                nodeId.map(node -> lease.owner().startsWith(node + "#")).orElse(false);
        return earlierRunOfThisNode || leases.expired(lease);
    }
}
