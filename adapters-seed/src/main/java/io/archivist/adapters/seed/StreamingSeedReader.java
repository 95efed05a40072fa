package io.archivist.adapters.seed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.archivist.application.port.out.seed.SeedItems;
import io.archivist.application.port.out.seed.SeedReader;
import io.archivist.domain.Limits;
import io.archivist.domain.SeedFormat;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The seed reader the application uses: JSON and JSON Lines through Jackson's streaming parser, YAML through SnakeYAML's events. */
@Singleton
public final class StreamingSeedReader implements SeedReader {

    private final JsonFactory json = JsonFactory.builder()
            // A field given twice is refused rather than silently taking the last value.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // R14 counts depth from the record, which a seed holds two levels down (document, records array).
            // One level more still parses, so that the validator refuses it naming the record; deeper
            // is malformed before it can recurse far.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_JSON_DEPTH + 3)
                    .build())
            .build();

    @Override
    public SeedItems read(InputStream in, SeedFormat format) {
        return switch (format) {
            case JSON -> new JsonSeedItems(parser(in));
            case JSON_LINES -> new JsonLinesSeedItems(parser(in));
            case YAML -> new YamlSeedItems(in);
        };
    }

    private JsonParser parser(InputStream in) {
        try {
            return json.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
