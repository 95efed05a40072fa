package io.archivist.adapters.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's HAProxy in front of service instances, in a process of its own, configured with the sample
 * the deployment guide gives (deploy/haproxy.cfg) with only its bind address and its servers' addresses
 * replaced. {@code .ci/run} installs the package; elsewhere, without it, a test that needs it is skipped,
 * and with CI=true it fails.
 */
final class Haproxy implements AutoCloseable {

    /** The sample configuration, at the root of the repository (the tests run in adapters-rest). */
    static final Path SAMPLE = Path.of("..", "deploy", "haproxy.cfg");

    private final Process process;
    private final Path log;
    private final URI uri;

    private Haproxy(Process process, Path log, URI uri) {
        this.process = process;
        this.log = log;
        this.uri = uri;
    }

    /** The haproxy binary; a missing one skips the test, or fails it with CI=true. */
    static Path binary() {
        Optional<Path> found = Stream.concat(
                        Stream.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "haproxy"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String message = "haproxy is not installed (apt-get install -y haproxy; .ci/run does it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: the multi-instance tests must run)");
            }
            Assumptions.abort(message + " (skipped; with CI=true this fails)");
        }
        return found.get();
    }

    /**
     * The sample, listening on 127.0.0.1:{@code port} and balancing over the instances on {@code servers}
     * (each with the sample's first server's options: its health check).
     */
    static String configuration(String sample, int port, List<Integer> servers) {
        List<String> lines = new ArrayList<>();
        boolean serversWritten = false;
        for (String line : sample.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("bind ")) {
                lines.add(line.substring(0, line.indexOf("bind")) + "bind 127.0.0.1:" + port);
            } else if (trimmed.startsWith("server ")) {
                if (!serversWritten) {
                    String indent = line.substring(0, line.indexOf("server"));
                    String[] words = trimmed.split("\\s+", 4);
                    String options = words.length > 3 ? " " + words[3] : "";
                    for (int i = 0; i < servers.size(); i++) {
                        lines.add(indent + "server archivist-" + (i + 1) + " 127.0.0.1:" + servers.get(i) + options);
                    }
                    serversWritten = true;
                }
            } else {
                lines.add(line);
            }
        }
        if (!serversWritten) {
            throw new AssertionError(SAMPLE + " has no server line to take the options from");
        }
        return String.join("\n", lines);
    }

    /** Starts HAProxy with the sample in front of {@code servers}, and waits until it listens. */
    static Haproxy start(Path dir, List<Integer> servers) throws IOException, InterruptedException {
        Path binary = binary();
        int port = ServiceProcess.freePort();
        Files.createDirectories(dir);
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, configuration(Files.readString(SAMPLE), port, servers));
        Path log = dir.resolve("haproxy.log");
        Process process = new ProcessBuilder(binary.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Haproxy haproxy = new Haproxy(process, log, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("haproxy stopped (exit " + process.exitValue() + "):\n" + haproxy.log());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return haproxy;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    haproxy.close();
                    throw new AssertionError("haproxy does not listen on " + port + ":\n" + haproxy.log());
                }
                Thread.sleep(50);
            }
        }
    }

    URI uri() {
        return uri;
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
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
