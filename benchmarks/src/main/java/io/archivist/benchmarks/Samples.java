package io.archivist.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The wall-clock times of the repetitions of one side of a scenario; the median is what the table shows. */
final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    /** Runs {@code work} once and records its time. */
    <T> T time(ThrowingSupplier<T> work) {
        long start = System.nanoTime();
        T result;
        try {
            result = work.get();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        nanos.add(System.nanoTime() - start);
        return result;
    }

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    int count() {
        return nanos.size();
    }

    double medianMillis() {
        return percentileNanos(50) / 1e6;
    }

    /** Nearest-rank percentile of the recorded times. */
    double percentileNanos(double percent) {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no sample recorded");
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (percent == 50 && sorted.size() % 2 == 0) {
            int mid = sorted.size() / 2;
            return (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** Units per second at the median time. */
    double ratePerSecond(long units) {
        return units / (medianMillis() / 1000.0);
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
