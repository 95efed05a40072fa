package io.archivist.adapters.rest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code archivist seed import FILE [--dry-run]}: seeds from the command line (docs/lifecycle.md#seeds). */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        description = "Load seed files (docs/lifecycle.md#seeds).",
        subcommands = {SeedImportCommand.class, CommandLine.HelpCommand.class})
public class SeedCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: seed import FILE [--dry-run]");
    }
}
