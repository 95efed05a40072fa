package io.archivist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What BENCHMARKS.md says about the machine a run was made on: the ratios only mean something beside it. */
record Machine(int cores, String cpu, long memoryMegabytes, String os, String java) {

    static Machine current() {
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                cpuModel().orElse("unknown CPU"),
                totalMemoryMegabytes().orElse(-1L),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    String describe() {
        return String.format(
                Locale.ROOT, "%d cores (%s), %,d MB memory, %s, %s", cores, cpu, memoryMegabytes, os, java);
    }

    private static Optional<String> cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }

    private static Optional<Long> totalMemoryMegabytes() {
        return lines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                .findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
