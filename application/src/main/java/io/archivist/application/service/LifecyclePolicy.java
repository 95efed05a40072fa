package io.archivist.application.service;

/**
 * The limits of the lifecycle, as named values that deployments and tests can change.
 *
 * @param maxBulkIds       R12: ids one bulk request may name
 * @param maxListedRecords how many left-archived records and conflicts a restore or preview lists
 * @param retentionBatch   R11: roots the retention job purges in one operation
 * @param maxCascadeRecords R14: records one archive, restore or purge may change
 * @param maxPageBytes     R14: bytes of attributes one listing page holds past its first record
 */
public record LifecyclePolicy(
        int maxBulkIds, int maxListedRecords, int retentionBatch, long maxCascadeRecords, long maxPageBytes) {

    public static final long DEFAULT_MAX_CASCADE_RECORDS = 1_000_000;
    public static final long DEFAULT_MAX_PAGE_BYTES = 8L * 1024 * 1024;
    public static final LifecyclePolicy DEFAULT = new LifecyclePolicy(1000, 100, 1000);

    public LifecyclePolicy {
        if (maxBulkIds < 1 || maxListedRecords < 1 || retentionBatch < 1 || maxCascadeRecords < 1 || maxPageBytes < 1) {
            throw new IllegalArgumentException("lifecycle limits must be positive");
        }
    }

    public LifecyclePolicy(int maxBulkIds, int maxListedRecords, int retentionBatch) {
        this(maxBulkIds, maxListedRecords, retentionBatch, DEFAULT_MAX_CASCADE_RECORDS, DEFAULT_MAX_PAGE_BYTES);
    }

    public LifecyclePolicy withMaxCascadeRecords(long records) {
        return new LifecyclePolicy(maxBulkIds, maxListedRecords, retentionBatch, records, maxPageBytes);
    }

    public LifecyclePolicy withMaxPageBytes(long bytes) {
        return new LifecyclePolicy(maxBulkIds, maxListedRecords, retentionBatch, maxCascadeRecords, bytes);
    }
}
