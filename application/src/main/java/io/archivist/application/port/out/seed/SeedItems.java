package io.archivist.application.port.out.seed;

import java.util.Iterator;

/**
 * The items of one seed, read lazily. {@code hasNext} and {@code next} throw
 * {@link MalformedSeedException} where the document cannot be read further.
 */
public interface SeedItems extends Iterator<SeedItem>, AutoCloseable {

    @Override
    void close();
}
