package io.archivist.application.port.in.seed;

import io.archivist.domain.Caller;
import io.archivist.domain.SeedFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A seed to import. With a {@code caller} (the API) the caller must be an admin, the seed's
 * workspace must be the caller's (or be left out) and the caller is the actor. Without one (the
 * command line and start-up) the actor is {@code seed} and the seed must name its workspace.
 * The source is read twice (validate, then write), so it must give the same bytes each time.
 */
public record ImportSeedCommand(
        SeedSource source, SeedFormat format, Optional<Caller> caller, boolean dryRun, SeedProgress progress) {

    public ImportSeedCommand {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        caller = caller == null ? Optional.empty() : caller;
        progress = progress == null ? SeedProgress.NONE : progress;
    }

    /** The command line and start-up: actor {@code seed}, workspace from the seed. */
    public static ImportSeedCommand asSeedActor(
            SeedSource source, SeedFormat format, boolean dryRun, SeedProgress progress) {
        return new ImportSeedCommand(source, format, Optional.empty(), dryRun, progress);
    }

    /** The API: an admin imports into the workspace of the token. */
    public static ImportSeedCommand byCaller(Caller caller, SeedSource source, SeedFormat format, boolean dryRun) {
        return new ImportSeedCommand(source, format, Optional.of(caller), dryRun, SeedProgress.NONE);
    }
}
