package io.archivist.application.port.out.seed;

import io.archivist.domain.SeedFormat;
import java.io.InputStream;

/**
 * Parses a seed (docs/lifecycle.md#seeds) as a stream: each {@link SeedItem} is read when asked for, so a seed of
 * any size is read in constant memory. Reports only the form: whether a field has its JSON type
 * (as {@link SeedItem} problems) and whether the document can be read at all
 * ({@link MalformedSeedException}). The rules (types, parents, keys, read-only fields) are the
 * import's.
 */
public interface SeedReader {

    /** The items of the seed in {@code in}, in document order. Closing them closes {@code in}. */
    SeedItems read(InputStream in, SeedFormat format);
}
