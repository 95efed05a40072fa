package io.archivist.benchmarks;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * P1 archive, P2 restore, P3 purge of one subtree on PostgreSQL: Archivist's LifecycleService over
 * the JDBC store against the hand-written statements of {@link PgCascadeBaseline}. Each repetition
 * loads two identical copies of the subtree (two workspaces of the same tables), then runs each step
 * on both, the side that goes first alternating between repetitions; the database is vacuumed
 * before each timed step. Both sides must report the same number of rows, or the run fails.
 */
final class CascadeScenarios {

    static final WorkspaceId ARCHIVIST = WorkspaceId.of("bench-archivist");
    static final WorkspaceId BASELINE = WorkspaceId.of("bench-baseline");

    private final Postgres db;
    private final Set<Scenario> wanted;
    private final Samples archive = new Samples(), archiveBase = new Samples();
    private final Samples restore = new Samples(), restoreBase = new Samples();
    private final Samples purge = new Samples(), purgeBase = new Samples();

    CascadeScenarios(Postgres db, Set<Scenario> wanted) {
        this.db = db;
        this.wanted = wanted;
    }

    List<Result> run(long size, int repetitions, boolean warmUp) throws Exception {
        if (warmUp) {
            Log.info("P1-P3: warming up on a 2,000-record subtree");
            new CascadeScenarios(db, wanted).repetition(new TreeShape(2_000, 7), 0);
        }
        TreeShape shape = new TreeShape(size, 42);
        for (int rep = 0; rep < repetitions; rep++) {
            Log.info("P1-P3: repetition %d of %d, %,d records", rep + 1, repetitions, shape.size());
            repetition(shape, rep);
        }
        String store = "postgresql";
        List<Result> results = new ArrayList<>();
        if (wanted.contains(Scenario.P1)) {
            results.add(Result.of(
                    "P1",
                    "archive subtree",
                    store,
                    shape.size(),
                    "rows",
                    archive,
                    "WITH RECURSIVE UPDATE",
                    archiveBase,
                    0.8,
                    ""));
        }
        if (wanted.contains(Scenario.P2)) {
            results.add(Result.of(
                    "P2",
                    "restore operation",
                    store,
                    shape.size(),
                    "rows",
                    restore,
                    "UPDATE by archive_operation",
                    restoreBase,
                    0.8,
                    ""));
        }
        if (wanted.contains(Scenario.P3)) {
            results.add(Result.of(
                    "P3", "purge subtree", store, shape.size(), "rows", purge, "recursive DELETE", purgeBase, 0.7, ""));
        }
        return results;
    }

    private void repetition(TreeShape shape, int rep) throws Exception {
        Archivist archivist = db.archivist;
        db.reset();
        Archivist.Copies copies = archivist.loadCopies(shape);
        RecordId rootA = copies.archivist();
        RecordId rootB = copies.baseline();
        LifecycleCommand onRoot = LifecycleCommand.of(Archivist.admin(ARCHIVIST), rootA);
        boolean archivistFirst = rep % 2 == 0;
        try (Connection c = db.connect("")) {
            c.setAutoCommit(false);
            UUID baselineOperation = UUID.randomUUID();

            db.vacuumAnalyze();
            long[] counts = pair(
                    archivistFirst,
                    () -> archive.time(() -> archivist
                            .lifecycle
                            .archive(onRoot)
                            .operation()
                            .orElseThrow()
                            .total()),
                    () -> archiveBase.time(() -> PgCascadeBaseline.archive(c, BASELINE, rootB, baselineOperation)));
            same("P1 archive", shape.size(), counts);

            db.vacuumAnalyze();
            counts = pair(
                    archivistFirst,
                    () -> restore.time(() -> archivist
                            .lifecycle
                            .restore(onRoot)
                            .operation()
                            .orElseThrow()
                            .total()),
                    () -> restoreBase.time(() -> PgCascadeBaseline.restore(c, BASELINE, baselineOperation)));
            same("P2 restore", shape.size(), counts);

            // P3 purges an archived subtree: "delete twice to destroy" (R3). The statistics must say
            // the records are active again first: with those of the archived state, PostgreSQL plans
            // the cascade's walk (Archivist's and the baseline's alike) as a nested loop over the
            // worktable that runs for many minutes (see BENCHMARKS.md).
            db.vacuumAnalyze();
            archivist.lifecycle.archive(onRoot);
            PgCascadeBaseline.archive(c, BASELINE, rootB, UUID.randomUUID());
            db.vacuumAnalyze();
            counts = pair(
                    archivistFirst,
                    () -> purge.time(() -> purged(archivist.lifecycle.delete(onRoot))),
                    () -> purgeBase.time(() -> PgCascadeBaseline.purge(c, BASELINE, rootB)));
            same("P3 purge", shape.size(), counts);
        }
    }

    private static long purged(LifecycleResult result) {
        if (result.outcome() != LifecycleResult.Outcome.PURGED) {
            throw new IllegalStateException("the second delete did not purge: " + result.outcome());
        }
        return result.operation().map(Operation::total).orElseThrow();
    }

    interface Side {
        long run() throws Exception;
    }

    /** Runs both sides, Archivist's first or second; returns {archivist's rows, baseline's rows}. */
    static long[] pair(boolean archivistFirst, Side archivist, Side baseline) throws Exception {
        if (archivistFirst) {
            long a = archivist.run();
            return new long[] {a, baseline.run()};
        }
        long b = baseline.run();
        return new long[] {archivist.run(), b};
    }

    static void same(String step, long expected, long[] counts) {
        if (counts[0] != expected || counts[1] != expected) {
            throw new IllegalStateException(step + ": expected " + expected + " rows on both sides, Archivist did "
                    + counts[0] + " and the baseline " + counts[1]);
        }
    }
}
