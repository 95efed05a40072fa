package io.archivist.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Runs the scenarios of one group in this JVM. */
final class Groups {

    private Groups() {}

    static List<Result> run(Group group, Options options) throws Exception {
        Set<Scenario> wanted = group.of(options);
        return switch (group) {
            case POSTGRES ->
                postgres(options, wanted, options.subtree(), options.seed(), options.repetitions(), options.warmUp());
            case HTTP -> HttpScenario.run(options);
            case FIND -> FindScenario.run(options);
            case NEIGHBOUR -> NeighbourScenario.run(options);
            case MONGO -> new MongoScenarios().run(options.mongoSubtree(), options.repetitions(), options.warmUp());
            case MEMORY -> memoryCheck(options, wanted);
        };
    }

    private static List<Result> postgres(
            Options options, Set<Scenario> wanted, long subtree, long seed, int repetitions, boolean warmUp)
            throws Exception {
        List<Result> results = new ArrayList<>();
        try (Postgres db = Postgres.open(options)) {
            if (wanted.contains(Scenario.P1) || wanted.contains(Scenario.P2) || wanted.contains(Scenario.P3)) {
                results.addAll(new CascadeScenarios(db, wanted).run(subtree, repetitions, warmUp));
            }
            if (wanted.contains(Scenario.P4)) {
                results.addAll(new ImportScenario(db).run(seed, repetitions, warmUp));
            }
            if (wanted.contains(Scenario.P5)) {
                results.addAll(new ListingScenario(db).run(options.listing(), warmUp));
            }
        }
        return results;
    }

    /** docs/quality.md's memory budget: P1-P4 at {@code memoryCheck} records, once each, in this (-Xmx256m) JVM. */
    private static List<Result> memoryCheck(Options options, Set<Scenario> wanted) throws Exception {
        List<Result> results = postgres(options, wanted, options.memoryCheck(), options.memoryCheck(), 1, false);
        String heap = String.format(
                Locale.ROOT,
                "ran in a heap of at most %,d MB (no OutOfMemoryError; the sum of"
                        + " the heap pools' peaks, each at its own time, was %,d MB)",
                Runtime.getRuntime().maxMemory() >> 20,
                peakHeapUsed() >> 20);
        List<Result> noted = new ArrayList<>();
        for (Result result : results) {
            noted.add(new Result(
                            result.scenario(),
                            result.action(),
                            "postgresql, memory check",
                            result.size(),
                            result.unit(),
                            result.millis(),
                            result.rate(),
                            result.baseline(),
                            result.baselineMillis(),
                            result.baselineRate(),
                            result.target(),
                            result.note())
                    .withNote(heap));
        }
        return noted;
    }

    /** The sum of the heap pools' peaks: an upper bound of what the heap held at once. */
    static long peakHeapUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
