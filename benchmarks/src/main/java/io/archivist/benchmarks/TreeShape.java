package io.archivist.benchmarks;

import java.util.Random;

/**
 * The shape of a benchmark subtree: one root and four levels below it (depth 4), the fan-out of each
 * record drawn at random (seeded, so every copy of a run has the same shape) around the mean that
 * gives exactly {@code size} records. Some records of the last level have a second parent (a
 * diamond), so that cascades must reach a record through every path and count it once.
 */
final class TreeShape {

    static final int DEPTH = 4;
    /** One in twenty records of the last level also depends on a second record of the level above. */
    static final int DIAMOND_EVERY = 20;

    private final long[] levelSizes = new long[DEPTH + 1];
    private final long seed;

    TreeShape(long size, long seed) {
        if (size < DEPTH + 1) {
            throw new IllegalArgumentException(
                    "a subtree of depth " + DEPTH + " needs at least " + (DEPTH + 1) + " records");
        }
        this.seed = seed;
        double fanOut = meanFanOut(size);
        long sum = 0;
        levelSizes[0] = 1;
        for (int level = 1; level < DEPTH; level++) {
            levelSizes[level] = Math.max(levelSizes[level - 1], Math.round(Math.pow(fanOut, level)));
            sum += levelSizes[level];
        }
        levelSizes[DEPTH] = size - 1 - sum;
        if (levelSizes[DEPTH] < levelSizes[DEPTH - 1]) {
            throw new IllegalArgumentException("cannot shape a subtree of " + size + " records");
        }
    }

    long levelSize(int level) {
        return levelSizes[level];
    }

    long size() {
        long total = 0;
        for (long n : levelSizes) {
            total += n;
        }
        return total;
    }

    /**
     * How many children each of the {@code levelSize(level - 1)} parents gets: varied (weights drawn
     * between 0.2 and 1.8), summing to {@code levelSize(level)}, every parent at least one.
     */
    int[] childCounts(int level) {
        int parents = Math.toIntExact(levelSizes[level - 1]);
        long children = levelSizes[level];
        Random random = new Random(seed * 31 + level);
        double[] weights = new double[parents];
        double total = 0;
        for (int i = 0; i < parents; i++) {
            weights[i] = 0.2 + 1.6 * random.nextDouble();
            total += weights[i];
        }
        int[] counts = new int[parents];
        long spare = children - parents;
        long given = 0;
        for (int i = 0; i < parents; i++) {
            counts[i] = 1 + (int) Math.floor(spare * weights[i] / total);
            given += counts[i];
        }
        for (int i = 0; given < children; i = (i + 1) % parents) {
            counts[i]++;
            given++;
        }
        return counts;
    }

    /** The seeded choices of which last-level records get a second parent, and which. */
    Random diamonds() {
        return new Random(seed * 17 + 5);
    }

    /** The fan-out b with 1 + b + b² + b³ + b⁴ = size. */
    private static double meanFanOut(long size) {
        double low = 1, high = size;
        for (int i = 0; i < 200; i++) {
            double mid = (low + high) / 2;
            double total = 0;
            for (int level = 0; level <= DEPTH; level++) {
                total += Math.pow(mid, level);
            }
            if (total > size) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return low;
    }
}
