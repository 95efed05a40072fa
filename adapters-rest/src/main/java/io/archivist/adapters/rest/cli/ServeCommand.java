package io.archivist.adapters.rest.cli;

import io.archivist.adapters.rest.security.KeySettings;
import io.archivist.adapters.rest.security.SigningKeys;
import io.archivist.adapters.rest.shutdown.GracefulShutdown;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import sun.misc.Signal;

/** Starts the HTTP service (port 8080, or MICRONAUT_SERVER_PORT). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the service (the default command). Port 8080, or MICRONAUT_SERVER_PORT.")
public class ServeCommand implements Callable<Integer> {

    /**
     * SIGTERM (an orchestrator's stop) and SIGINT (Ctrl+C): the service finishes what is under way, refusing
     * new requests, before the JVM's shutdown hooks stop it; then the process exits 0, a clean stop. Without
     * this handler the JVM would run those hooks at once, stopping the server under the requests in flight,
     * and exit 143.
     */
    private static final List<String> SIGNALS = List.of("TERM", "INT");

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
        ApplicationContext context = Micronaut.build(new String[0])
                .mainClass(ArchivistCommand.class)
                .banner(false)
                .start();
        GracefulShutdown shutdown = context.getBean(GracefulShutdown.class);
        for (String name : SIGNALS) {
            Signal.handle(new Signal(name), signal -> stop(shutdown, "SIG" + signal.getName()));
        }
        return 0;
    }

    private static void stop(GracefulShutdown shutdown, String signal) {
        shutdown.drain(signal);
        System.exit(0);
    }
}
