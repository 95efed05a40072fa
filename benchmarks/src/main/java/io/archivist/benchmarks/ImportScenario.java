package io.archivist.benchmarks;

import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.in.seed.SeedProgress;
import io.archivist.application.port.in.seed.SeedReport;
import io.archivist.application.port.in.seed.SeedSource;
import io.archivist.domain.SeedFormat;
import io.archivist.domain.WorkspaceId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/**
 * P4: importing a JSON Lines seed of a generated subtree through the seed import use case (both of
 * its passes: validate, then write), against writing the same records and edges by hand with JDBC
 * batches and with COPY. The seed file is written before the clock starts.
 */
final class ImportScenario {

    static final String SEED_WORKSPACE = "bench-seed";
    static final WorkspaceId BATCH = WorkspaceId.of("bench-batch");
    static final WorkspaceId COPY = WorkspaceId.of("bench-copy");

    private final Postgres db;
    private final Samples archivist = new Samples(), batch = new Samples(), copy = new Samples();

    ImportScenario(Postgres db) {
        this.db = db;
    }

    List<Result> run(long size, int repetitions, boolean warmUp) throws Exception {
        Path dir = Files.createTempDirectory("archivist-bench-seed");
        try {
            if (warmUp) {
                Log.info("P4: warming up on a 2,000-record seed");
                new ImportScenario(db).repetition(seedFile(dir, new TreeShape(2_000, 7)), new TreeShape(2_000, 7), 0);
            }
            TreeShape shape = new TreeShape(size, 43);
            Path seed = seedFile(dir, shape);
            Log.info("P4: seed of %,d records, %,d bytes", shape.size(), Files.size(seed));
            for (int rep = 0; rep < repetitions; rep++) {
                Log.info("P4: repetition %d of %d", rep + 1, repetitions);
                repetition(seed, shape, rep);
            }
            Result vsBatch = Result.of(
                    "P4",
                    "import seed",
                    "postgresql",
                    shape.size(),
                    "rows",
                    archivist,
                    "JDBC batch insert, reWriteBatchedInserts",
                    batch,
                    0.7,
                    "");
            Result vsCopy = Result.of(
                    "P4",
                    "import seed",
                    "postgresql",
                    shape.size(),
                    "rows",
                    archivist,
                    "COPY (the limit)",
                    copy,
                    Double.NaN,
                    "no target: how far from the limit");
            return List.of(vsBatch, vsCopy);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static Path seedFile(Path dir, TreeShape shape) {
        Path file = dir.resolve("seed-" + shape.size() + ".jsonl");
        if (!Files.exists(file)) {
            SeedFiles.write(file, SEED_WORKSPACE, shape, "s");
        }
        return file;
    }

    private void repetition(Path seed, TreeShape shape, int rep) throws Exception {
        db.reset();
        boolean archivistFirst = rep % 2 == 0;
        long[] counts = CascadeScenarios.pair(
                archivistFirst,
                () -> archivist.time(() -> imported(seed)),
                () -> batch.time(() -> {
                    try (Connection c = db.connect(PgInsertBaseline.REWRITE)) {
                        return PgInsertBaseline.batchInsert(c, BATCH, shape, "b");
                    }
                }));
        CascadeScenarios.same("P4 import against batch insert", shape.size(), counts);
        long copied = copy.time(() -> {
            try (Connection c = db.connect("")) {
                return PgInsertBaseline.copy(c, COPY, shape, "c");
            }
        });
        CascadeScenarios.same("P4 COPY", shape.size(), new long[] {copied, copied});
    }

    private long imported(Path seed) {
        SeedReport report = db.archivist.seeds.importSeed(ImportSeedCommand.asSeedActor(
                SeedSource.ofFile(seed), SeedFormat.JSON_LINES, false, SeedProgress.NONE));
        return report.recordTotals().created();
    }
}
