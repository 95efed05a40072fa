package io.archivist.application.port.in.seed;

/** Told how far an import is, every few thousand records of each pass; the command line prints it. */
@FunctionalInterface
public interface SeedProgress {

    SeedProgress NONE = (phase, records) -> {};

    enum Phase {
        VALIDATING,
        WRITING
    }

    /** {@code records} of the seed have gone through {@code phase}. */
    void update(Phase phase, long records);
}
