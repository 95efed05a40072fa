package io.archivist.application.service;

/**
 * The limits of the lifecycle, as named values that deployments and tests can change.
 *
 * @param maxBulkIds       R12: ids one bulk request may name
 * @param maxListedRecords how many left-archived records and conflicts a restore or preview lists
 * @param retentionBatch   R11: roots the retention job purges in one operation
 */
public record LifecyclePolicy(int maxBulkIds, int maxListedRecords, int retentionBatch) {

    public static final LifecyclePolicy DEFAULT = new LifecyclePolicy(1000, 100, 1000);

    public LifecyclePolicy {
        if (maxBulkIds < 1 || maxListedRecords < 1 || retentionBatch < 1) {
            throw new IllegalArgumentException("lifecycle limits must be positive");
        }
    }
}
