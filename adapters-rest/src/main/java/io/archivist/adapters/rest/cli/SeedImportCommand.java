package io.archivist.adapters.rest.cli;

import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.ImportSeedUseCase;
import io.archivist.application.port.in.seed.SeedRejectedException;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.in.seed.SeedSource;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.SeedFormat;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Imports one seed file into the configured store as actor {@code seed}, into the workspace the seed
 * names; prints progress (records per second) as it goes and the report at the end. Exit 0 when
 * imported (or, with --dry-run, when it would be), 1 with the list of errors when the seed is refused,
 * 2 when the command itself is wrong.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a seed (JSON, YAML or JSON Lines) into the configured store, as actor 'seed'.")
public class SeedImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the seed: .json, .yaml/.yml, or .jsonl/.ndjson")
    Path file;

    @Option(names = "--dry-run", description = "validate and report what would change; write nothing")
    boolean dryRun;

    @Option(names = "--format", description = "json, yaml or jsonl, when the file name does not tell")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            err.println("archivist seed import: cannot read " + file);
            return 2;
        }
        SeedFormat seedFormat =
                format == null ? SeedFormat.ofFileName(file.toString()).orElse(null) : named(format);
        if (seedFormat == null) {
            err.println("archivist seed import: cannot tell the format of " + file
                    + "; name it .json, .yaml or .jsonl, or give --format json|yaml|jsonl");
            return 2;
        }
        ApplicationContext started;
        try {
            started = ApplicationContext.builder()
                    .environments(ArchivistCommand.CLI_ENVIRONMENT)
                    .banner(false)
                    .start();
        } catch (RuntimeException storeDidNotOpen) {
            // One sentence, not the start-up's stack trace: the reason is the innermost cause
            // (such as the embedded database being held by a running service).
            err.println("archivist seed import: " + file + " was not imported: " + innermost(storeDidNotOpen));
            err.flush();
            return 1;
        }
        try (ApplicationContext context = started) {
            ImportSeedUseCase seeds = context.getBean(ImportSeedUseCase.class);
            SeedProgressPrinter progress = new SeedProgressPrinter(err);
            SeedReport report = seeds.importSeed(
                    ImportSeedCommand.asSeedActor(SeedSource.ofFile(file), seedFormat, dryRun, progress));
            Duration took = progress.elapsed();
            SeedReportText.report(file.toString(), report, took).forEach(out::println);
            out.flush();
            return 0;
        } catch (SeedRejectedException rejected) {
            SeedReportText.errors(file.toString(), rejected).forEach(err::println);
            err.flush();
            return 1;
        } catch (ArchivistException refused) {
            err.println("archivist seed import: " + file + " was not imported: " + refused.code() + ": "
                    + refused.getMessage());
            err.flush();
            return 1;
        }
    }

    private static String innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static SeedFormat named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "json" -> SeedFormat.JSON;
            case "yaml", "yml" -> SeedFormat.YAML;
            case "jsonl", "ndjson", "json-lines" -> SeedFormat.JSON_LINES;
            default -> null;
        };
    }
}
