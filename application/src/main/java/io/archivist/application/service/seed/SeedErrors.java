package io.archivist.application.service.seed;

import io.archivist.application.port.in.seed.SeedError;
import io.archivist.application.port.in.seed.SeedRejectedException;
import io.archivist.application.port.out.seed.SeedPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The errors and warnings one import finds, each list bounded; the counts are exact. */
final class SeedErrors {

    static final int MAX_WARNINGS = 200;

    private final List<SeedError> errors = new ArrayList<>();
    private long errorCount;
    private final List<String> warnings = new ArrayList<>();
    private long warningCount;

    void error(SeedError.Code code, String key, SeedPosition at, String message) {
        errorCount++;
        if (errors.size() < SeedRejectedException.MAX_LISTED) {
            errors.add(new SeedError(code, Optional.ofNullable(key), at.line(), at.pointer(), message));
        }
    }

    void warning(String key, SeedPosition at, String message) {
        warningCount++;
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(at + " [" + key + "] " + message);
        }
    }

    boolean any() {
        return errorCount > 0;
    }

    long errorCount() {
        return errorCount;
    }

    void throwIfAny() {
        if (errorCount > 0) {
            throw new SeedRejectedException(errors, errorCount);
        }
    }

    List<String> warnings() {
        return warnings;
    }

    long warningCount() {
        return warningCount;
    }
}
