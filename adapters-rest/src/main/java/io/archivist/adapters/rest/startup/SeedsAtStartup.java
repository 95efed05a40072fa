package io.archivist.adapters.rest.startup;

import io.archivist.adapters.rest.cli.ArchivistCommand;
import io.archivist.adapters.rest.cli.SeedReportText;
import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.ImportSeedUseCase;
import io.archivist.application.port.in.seed.SeedRejectedException;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.in.seed.SeedSource;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.SeedFormat;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * docs/lifecycle.md#seeds for deployments: the seeds named in {@code ARCHIVIST_SEED_PATHS} (archivist.seed.paths,
 * comma-separated) are imported as actor {@code seed} when the service starts, before it serves, in
 * the order given. Importing a seed again changes nothing, so they can stay configured. A seed that
 * fails stops the start, with its errors in the log.
 */
@Singleton
@Requires(property = SeedsAtStartup.PATHS)
@Requires(notEnv = ArchivistCommand.CLI_ENVIRONMENT)
public class SeedsAtStartup implements ApplicationEventListener<StartupEvent> {

    static final String PATHS = "archivist.seed.paths";
    private static final Logger LOG = LoggerFactory.getLogger(SeedsAtStartup.class);

    private final ImportSeedUseCase seeds;
    private final List<Path> paths;

    public SeedsAtStartup(ImportSeedUseCase seeds, @Value("${" + PATHS + "}") String paths) {
        this.seeds = seeds;
        this.paths = Arrays.stream(paths.split(","))
                .map(String::trim)
                .filter(path -> !path.isEmpty())
                .map(Path::of)
                .toList();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        for (Path path : paths) {
            load(path);
        }
    }

    private void load(Path path) {
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new SeedAtStartupFailed(path + " (ARCHIVIST_SEED_PATHS) cannot be read");
        }
        SeedFormat format = SeedFormat.ofFileName(path.toString())
                .orElseThrow(
                        () -> new SeedAtStartupFailed(path + " (ARCHIVIST_SEED_PATHS) is not .json, .yaml or .jsonl"));
        long started = System.nanoTime();
        try {
            SeedReport report =
                    seeds.importSeed(ImportSeedCommand.asSeedActor(SeedSource.ofFile(path), format, false, null));
            SeedReportText.report(path.toString(), report, Duration.ofNanos(System.nanoTime() - started))
                    .forEach(LOG::info);
        } catch (SeedRejectedException rejected) {
            SeedReportText.errors(path.toString(), rejected).forEach(LOG::error);
            throw new SeedAtStartupFailed(
                    "the seed " + path + " (ARCHIVIST_SEED_PATHS) was not imported: " + rejected.getMessage());
        } catch (ArchivistException refused) {
            throw new SeedAtStartupFailed("the seed " + path + " (ARCHIVIST_SEED_PATHS) was not imported: "
                    + refused.code() + ": " + refused.getMessage());
        }
    }

    /** Stops the start: the service does not serve without the seeds its deployment names. */
    public static final class SeedAtStartupFailed extends RuntimeException {
        SeedAtStartupFailed(String message) {
            super("The service does not start: " + message);
        }
    }
}
