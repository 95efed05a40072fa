package io.archivist.adapters.rest.cli;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar archivist.jar [serve | token ... | --help]}. Without a command it serves.
 * A subcommand that needs the stores but no HTTP server (such as a seed import) starts its context
 * in the {@value #CLI_ENVIRONMENT} environment, in which the background jobs stay off.
 */
@Command(
        name = "archivist",
        mixinStandardHelpOptions = true,
        version = "Archivist " + ArchivistCommand.API_VERSION,
        description = "Archive, restore and purge records along their dependency graph.",
        subcommands = {ServeCommand.class, TokenCommand.class, SeedCommand.class, CommandLine.HelpCommand.class})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Archivist",
                        version = ArchivistCommand.API_VERSION,
                        description =
                                "Records of many object types with a safe lifecycle: archive, restore, delete twice to destroy."
                                        + " Errors are RFC 9457 problem documents (application/problem+json) with a stable code.",
                        license = @License(name = "Proprietary", url = "https://example.invalid/archivist/license")),
        servers = @Server(url = "/", description = "the service that serves this document"),
        tags = {
            @Tag(name = "object types", description = "the catalog of the token's workspace"),
            @Tag(name = "records", description = "create, read, update and list records"),
            @Tag(name = "lifecycle", description = "archive, restore, purge, preview and history of one record"),
            @Tag(name = "bulk", description = "the lifecycle actions on many records at once"),
            @Tag(name = "operations", description = "the operation log"),
            @Tag(name = "seeds", description = "importing seeds"),
            @Tag(name = "health", description = "liveness and readiness, no token needed")
        },
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ArchivistCommand implements Callable<Integer> {

    public static final String API_VERSION = "0.1.0";
    public static final String CLI_ENVIRONMENT = "cli";

    @Override
    public Integer call() {
        return new ServeCommand().call();
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new ArchivistCommand());
        int exitCode = commandLine.execute(args);
        // A started server keeps running on its own threads; every other command ends here.
        if (exitCode != 0 || !serving(commandLine)) {
            System.exit(exitCode);
        }
    }

    private static boolean serving(CommandLine commandLine) {
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        if (parsed == null || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
            return false;
        }
        return !parsed.hasSubcommand() || parsed.subcommand().commandSpec().userObject() instanceof ServeCommand;
    }
}
