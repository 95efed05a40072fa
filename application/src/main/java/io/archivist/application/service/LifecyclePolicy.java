package io.archivist.application.service;

/**
 * The limits of the lifecycle, as named values that deployments and tests can change.
 *
 * @param maxBulkIds       R12: ids one bulk request may name
 * @param maxListedRecords how many left-archived records and conflicts a restore or preview lists
 * @param retentionBatch   R11: roots the retention job purges in one operation
 * @param maxCascadeRecords R14: records one archive, restore or purge may change
 */
public record LifecyclePolicy(int maxBulkIds, int maxListedRecords, int retentionBatch, long maxCascadeRecords) {

    public static final long DEFAULT_MAX_CASCADE_RECORDS = 1_000_000;
    public static final LifecyclePolicy DEFAULT = new LifecyclePolicy(1000, 100, 1000, DEFAULT_MAX_CASCADE_RECORDS);

    public LifecyclePolicy {
        if (maxBulkIds < 1 || maxListedRecords < 1 || retentionBatch < 1 || maxCascadeRecords < 1) {
            throw new IllegalArgumentException("lifecycle limits must be positive");
        }
    }

    public LifecyclePolicy(int maxBulkIds, int maxListedRecords, int retentionBatch) {
        this(maxBulkIds, maxListedRecords, retentionBatch, DEFAULT_MAX_CASCADE_RECORDS);
    }
}
