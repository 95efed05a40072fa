package io.archivist.application.port.in.seed;

import io.archivist.domain.Role.Permission;

/**
 * docs/lifecycle.md#seeds: loads a seed — object types and records keyed by {@code key} — into a workspace.
 * Everything is validated before anything is written, and with any error nothing is imported
 * ({@link SeedRejectedException} lists the errors). Importing the same seed twice changes nothing
 * the second time; a changed seed updates records by key. The command line, start-up and
 * {@code POST /seeds} all come here.
 */
public interface ImportSeedUseCase {

    /** What a caller must be allowed to use it (docs/lifecycle.md#roles): checked by the service, and before any replay (R10). */
    Permission PERMISSION = Permission.ADMINISTER;

    SeedReport importSeed(ImportSeedCommand command);
}
