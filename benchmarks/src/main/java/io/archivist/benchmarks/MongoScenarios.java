package io.archivist.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.archivist.adapters.persistence.mongo.MongoStore;
import io.archivist.adapters.persistence.mongo.MongoStoreSettings;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.domain.Operation;
import io.archivist.domain.RecordId;
import io.archivist.domain.WorkspaceId;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;

/**
 * P7: P1-P3's archive, restore and purge on the Mongo store, over the in-process MongoDB server
 * (mongo-java-server, the server the tests use; no real mongod can run on these machines), against
 * {@link MongoBaseline} on the same server. Each repetition starts from a fresh database holding two
 * identical copies of the subtree.
 */
final class MongoScenarios {

    static final WorkspaceId ARCHIVIST = CascadeScenarios.ARCHIVIST;
    static final WorkspaceId BASELINE = CascadeScenarios.BASELINE;

    private final Samples archive = new Samples(), archiveBase = new Samples();
    private final Samples restore = new Samples(), restoreBase = new Samples();
    private final Samples purge = new Samples(), purgeBase = new Samples();

    List<Result> run(long size, int repetitions, boolean warmUp) throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            if (warmUp) {
                Log.info("P7: warming up on a 2,000-record subtree");
                new MongoScenarios().repetition(client, new TreeShape(2_000, 7), 0);
            }
            TreeShape shape = new TreeShape(size, 42);
            for (int rep = 0; rep < repetitions; rep++) {
                Log.info("P7: repetition %d of %d, %,d records", rep + 1, repetitions, shape.size());
                repetition(client, shape, rep);
            }
            String store = "mongo (in-process)";
            return List.of(
                    Result.of(
                            "P7",
                            "archive subtree",
                            store,
                            shape.size(),
                            "rows",
                            archive,
                            "graph read once, updateMany $in",
                            archiveBase,
                            0.7,
                            ""),
                    Result.of(
                            "P7",
                            "restore operation",
                            store,
                            shape.size(),
                            "rows",
                            restore,
                            "updateMany by archiveOperation",
                            restoreBase,
                            0.7,
                            ""),
                    Result.of(
                            "P7",
                            "purge subtree",
                            store,
                            shape.size(),
                            "rows",
                            purge,
                            "graph read once, deleteMany $in",
                            purgeBase,
                            0.7,
                            ""));
        } finally {
            server.shutdownNow();
        }
    }

    private void repetition(MongoClient client, TreeShape shape, int rep) throws Exception {
        String name = "bench" + UUID.randomUUID().toString().replace("-", "");
        MongoDatabase database = client.getDatabase(name);
        try (MongoStore store = MongoStore.open(database, MongoStoreSettings.defaults(name))) {
            Archivist archivist = new Archivist(
                    store.records(),
                    store.records(),
                    store.cascades(),
                    store.seedBatches(),
                    store.catalogs(),
                    store.operations(),
                    store.unitOfWork());
            MongoBaseline baseline = new MongoBaseline(database.getCollection("records"));
            Archivist.Copies copies = archivist.loadCopies(shape);
            RecordId rootA = copies.archivist();
            RecordId rootB = copies.baseline();
            LifecycleCommand onRoot = LifecycleCommand.of(Archivist.admin(ARCHIVIST), rootA);
            boolean archivistFirst = rep % 2 == 0;
            String operation = UUID.randomUUID().toString();

            long[] counts = CascadeScenarios.pair(
                    archivistFirst,
                    () -> archive.time(() -> archivist
                            .lifecycle
                            .archive(onRoot)
                            .operation()
                            .orElseThrow()
                            .total()),
                    () -> archiveBase.time(() -> baseline.archive(BASELINE, rootB, operation)));
            CascadeScenarios.same("P7 archive", shape.size(), counts);

            counts = CascadeScenarios.pair(
                    archivistFirst,
                    () -> restore.time(() -> archivist
                            .lifecycle
                            .restore(onRoot)
                            .operation()
                            .orElseThrow()
                            .total()),
                    () -> restoreBase.time(() -> baseline.restore(BASELINE, operation)));
            CascadeScenarios.same("P7 restore", shape.size(), counts);

            archivist.lifecycle.archive(onRoot);
            baseline.archive(BASELINE, rootB, UUID.randomUUID().toString());
            counts = CascadeScenarios.pair(
                    archivistFirst,
                    () -> purge.time(() -> purged(archivist.lifecycle.delete(onRoot))),
                    () -> purgeBase.time(() -> baseline.purge(BASELINE, rootB)));
            CascadeScenarios.same("P7 purge", shape.size(), counts);
        } finally {
            database.drop();
        }
    }

    private static long purged(LifecycleResult result) {
        if (result.outcome() != LifecycleResult.Outcome.PURGED) {
            throw new IllegalStateException("the second delete did not purge: " + result.outcome());
        }
        return result.operation().map(Operation::total).orElseThrow();
    }
}
