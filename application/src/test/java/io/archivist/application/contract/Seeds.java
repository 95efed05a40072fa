package io.archivist.application.contract;

/**
 * The seed of a randomized contract: {@code -Dkit.seed=N} replays a failure, otherwise each run
 * explores a new one. Every failure message names the seed.
 */
public final class Seeds {

    private Seeds() {}

    public static long seed() {
        Long given = Long.getLong("kit.seed");
        return given != null ? given : System.nanoTime();
    }

    public static AssertionError failure(long seed, String where, Throwable cause) {
        return new AssertionError(
                "seed " + seed + " (replay with -Dkit.seed=" + seed + "), " + where + ": " + cause, cause);
    }
}
