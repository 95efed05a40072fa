package io.archivist.application.port.in.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a seed's bytes come from; opened once per pass, so a request body is spooled to a file first. */
@FunctionalInterface
public interface SeedSource {

    InputStream open() throws IOException;

    static SeedSource ofFile(Path file) {
        return () -> Files.newInputStream(file);
    }
}
