package io.archivist.adapters.rest;

import io.archivist.adapters.rest.cli.ArchivistCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service in a JVM of its own (the tests' class path, the jar's main class), so that a test can
 * kill it as a crash would: {@link #kill()} is SIGKILL on Linux, no shutdown hook runs; or stop it as an
 * orchestrator does: {@link #terminate()} is SIGTERM.
 */
final class ServiceProcess implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 120_000;

    private final Process process;
    private final Path log;
    private final URI uri;

    private ServiceProcess(Process process, Path log, URI uri) {
        this.process = process;
        this.log = log;
        this.uri = uri;
    }

    /** Starts {@code serve} with these properties (as -D) on a free port, and waits until it answers /health. */
    static ServiceProcess start(Path log, Map<String, String> properties) throws IOException, InterruptedException {
        return start(log, properties, freePort());
    }

    /** The same on {@code port} (a test that put it in a load balancer's configuration beforehand). */
    static ServiceProcess start(Path log, Map<String, String> properties, int port)
            throws IOException, InterruptedException {
        return start(log, properties, port, Map.of());
    }

    /** The same with these environment variables added to the test's. */
    static ServiceProcess start(Path log, Map<String, String> properties, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(log, properties, freePort(), environment);
    }

    private static ServiceProcess start(
            Path log, Map<String, String> properties, int port, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(
                List.of("-Xmx256m", "-Dmicronaut.server.port=" + port, "-Darchivist.retention.enabled=false"));
        properties.forEach((name, value) -> options.add("-D" + name + "=" + value));
        List<String> command = archivist(options);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ServiceProcess service = new ServiceProcess(process, log, URI.create("http://127.0.0.1:" + port));
        service.awaitHealthy();
        return service;
    }

    /** {@code java <options> -cp <the tests' class path> <the jar's main class> <arguments>}. */
    static List<String> archivist(List<String> options, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // They run briefly: start sooner and with less CPU (the machine may have two cores).
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ArchivistCommand.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }

    URI uri() {
        return uri;
    }

    /** A crash: SIGKILL, then waits until the process is gone (its files and sockets released). */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the service did not die");
        }
    }

    /** An orchestrator's stop: SIGTERM, without waiting (see {@link #awaitExit}). */
    void terminate() {
        process.destroy();
    }

    /** The exit code, once the process ended; fails when it is still running after {@code bound}. */
    int awaitExit(java.time.Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service still runs " + bound + " after it was told to stop:\n" + log());
        }
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy() throws InterruptedException {
        Api api = new Api(uri);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the service stopped at start-up (exit " + process.exitValue() + "):\n" + log());
            }
            try {
                if (api.get("/health", null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYetListening) {
                // connection refused until the server is up
            }
            Thread.sleep(100);
        }
        kill();
        throw new AssertionError("the service did not answer /health within " + START_TIMEOUT_MS + " ms:\n" + log());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
