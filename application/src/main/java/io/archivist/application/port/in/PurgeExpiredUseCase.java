package io.archivist.application.port.in;

/** R11: the retention job. Purges, as actor {@code system}, archived records whose retention has passed. */
public interface PurgeExpiredUseCase {

    RetentionRun purgeExpired();
}
