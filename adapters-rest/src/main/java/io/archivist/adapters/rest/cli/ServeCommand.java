package io.archivist.adapters.rest.cli;

import io.archivist.adapters.rest.security.KeySettings;
import io.archivist.adapters.rest.security.SigningKeys;
import io.micronaut.runtime.Micronaut;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Starts the HTTP service (port 8080, or MICRONAUT_SERVER_PORT). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the service (the default command). Port 8080, or MICRONAUT_SERVER_PORT.")
public class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        // The service itself refuses to start without a key; checked here first so that the console
        // says why in one line instead of a stack trace. In dev mode the service makes the key.
        KeySettings settings = ServiceConfiguration.keySettings();
        if (!settings.embedded()) {
            try {
                SigningKeys.resolve(settings);
            } catch (SigningKeys.MissingSigningKey missing) {
                System.err.println("archivist: the service does not start: " + missing.getMessage());
                return 1;
            }
        }
        // On a failure to start, Micronaut logs the cause and exits with a non-zero code itself.
        Micronaut.build(new String[0])
                .mainClass(ArchivistCommand.class)
                .banner(false)
                .start();
        return 0;
    }
}
