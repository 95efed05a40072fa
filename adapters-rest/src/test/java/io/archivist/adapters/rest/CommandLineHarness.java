package io.archivist.adapters.rest;

import io.archivist.adapters.rest.cli.ArchivistCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import picocli.CommandLine;

/**
 * The command line (serve, token, seed import) run in the test's JVM on a data directory of the test's,
 * with what each run printed to standard output and error; the system properties a test sets for it
 * (archivist.data-dir, archivist.jwt.secret) are cleared after each test. Register it with
 * {@code @RegisterExtension}.
 */
final class CommandLineHarness implements AfterEachCallback {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs the command line with {@code args} on {@code dataDir}; its exit code. */
    int run(Path dataDir, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        System.setProperty("archivist.data-dir", dataDir.toString());
        CommandLine commandLine = new CommandLine(new ArchivistCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** What the last run printed to standard output. */
    String out() {
        return out.toString();
    }

    /** What the last run printed to standard error. */
    String err() {
        return err.toString();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.clearProperty("archivist.data-dir");
        System.clearProperty("archivist.jwt.secret");
    }
}
