package io.archivist.application.port.in.seed;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * docs/lifecycle.md#seeds: the seed has errors and nothing was imported. {@code errors} lists them in the order
 * found, at most {@link #MAX_LISTED} of {@code errorCount} (a bound, so that a broken seed of a
 * million records does not exhaust memory).
 */
public class SeedRejectedException extends ArchivistException {

    public static final int MAX_LISTED = 1_000;

    private final List<SeedError> errors;
    private final long errorCount;

    public SeedRejectedException(List<SeedError> errors, long errorCount) {
        super(
                ErrorCode.VALIDATION_FAILED,
                summary(errors, errorCount),
                Map.of("errors", errors.stream().map(SeedError::toDetails).toList(), "error_count", errorCount));
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public List<SeedError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }

    private static String summary(List<SeedError> errors, long count) {
        String first = errors.isEmpty() ? "" : "; first: " + errors.get(0);
        return "the seed has " + count + (count == 1 ? " error" : " errors") + " and nothing was imported" + first;
    }
}
