package io.archivist.adapters.persistence.mongo;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The knobs of the Mongo store, as named values that deployments and tests can change.
 *
 * @param database     the database that holds the store's collections
 * @param lease        how long a workspace's write lease lasts without renewal; a unit whose owner
 *                     stopped renewing for this long is recovered by another process ({@link #DEFAULT_LEASE})
 * @param writeWait    how long a write waits for the workspace's lease before CONCURRENT_MODIFICATION
 * @param readWait     how long a read waits for a unit under way to end before CONCURRENT_MODIFICATION
 * @param sweepEvery   how often the sweep looks for abandoned units to recover
 * @param maxAncestors how many ancestors a record may have (the depth of the graph above it): each
 *                     document carries them all, which is what keeps a cascade to a constant number of commands
 * @param nodeId       a stable name of this process (a pod or host name), set by an operator. When set, a
 *                     unit left by an earlier run of the same node is recovered at start-up without waiting
 *                     for its lease to expire; two live processes must never share it. Unset, each process
 *                     names its leases after itself ({@link MongoUnitOfWork#newOwner}), a name no other
 *                     process ever has, and its units are recovered once their lease expires
 */
public record MongoStoreSettings(
        String database,
        Duration lease,
        Duration writeWait,
        Duration readWait,
        Duration sweepEvery,
        int maxAncestors,
        Optional<String> nodeId) {

    public static final String DEFAULT_DATABASE = "archivist";

    /**
     * SPEC §7: an instance that dies holding a workspace's lease stalls that workspace's writes until the
     * lease expires, and nobody needs to configure anything for its units to be recovered then: by any other
     * instance's sweep, or at once by the first read or write of that workspace after expiry. Short, so the
     * stall stays well under {@code archivist.lifecycle.write-wait} (30 s: writers queued behind a dead
     * instance get their turn instead of a 409); long enough that the heartbeat (every third of it) can miss
     * two renewals, and that a garbage-collection pause or a replica-set election (about 10 s) rarely outlasts
     * it (if one does, the unit is rolled back by another process and its client told so: never a lost write).
     */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

    public MongoStoreSettings {
        Objects.requireNonNull(database, "database");
        nodeId = nodeId == null ? Optional.empty() : nodeId.filter(id -> !id.isBlank());
        if (lease.compareTo(Duration.ofSeconds(1)) < 0
                || writeWait.isNegative()
                || readWait.isNegative()
                || sweepEvery.isZero()
                || sweepEvery.isNegative()
                || maxAncestors < 1) {
            throw new IllegalArgumentException("Mongo store settings out of range: " + lease + ", " + writeWait + ", "
                    + readWait + ", " + sweepEvery + ", " + maxAncestors);
        }
    }

    public static MongoStoreSettings defaults(String database) {
        return new MongoStoreSettings(
                database,
                DEFAULT_LEASE,
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                1000,
                Optional.empty());
    }

    public MongoStoreSettings withNodeId(String id) {
        return new MongoStoreSettings(database, lease, writeWait, readWait, sweepEvery, maxAncestors, Optional.of(id));
    }

    public MongoStoreSettings withLease(Duration newLease) {
        return new MongoStoreSettings(database, newLease, writeWait, readWait, sweepEvery, maxAncestors, nodeId);
    }

    public MongoStoreSettings withReadWait(Duration wait) {
        return new MongoStoreSettings(database, lease, writeWait, wait, sweepEvery, maxAncestors, nodeId);
    }

    public MongoStoreSettings withMaxAncestors(int max) {
        return new MongoStoreSettings(database, lease, writeWait, readWait, sweepEvery, max, nodeId);
    }
}
