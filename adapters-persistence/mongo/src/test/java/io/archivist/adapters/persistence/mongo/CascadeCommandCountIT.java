package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoFixture.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.contract.TypeSeeds;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ARCHITECTURE, QUALITY "Round trips": an archive, a restore and a purge issue the same number of
 * commands for a subtree of 7 records as for one of 421, counted by the driver's command listener,
 * both for the store's cascade method alone and for the whole request through the service; and a
 * seed of 1,000 object types as many as one of 100.
 */
class CascadeCommandCountIT {

    @RegisterExtension
    static final InProcessMongo server = new InProcessMongo();

    @Test
    void r8_cascades_issue_a_number_of_commands_that_does_not_grow_with_the_subtree() {
        Map<String, Integer> small = measure(2, 2);
        Map<String, Integer> large = measure(20, 20);
        System.out.println("commands per cascade, 7-record subtree: " + small);
        System.out.println("commands per cascade, 421-record subtree: " + large);
        assertEquals(small, large);
        small.forEach((what, n) -> assertTrue(n <= 40, what + " took " + n + " commands"));
    }

    /** Issue 12, "work in proportion to its input": a seed's types are one batch with one catalog version. */
    @Test
    void s5_a_seed_of_1000_types_takes_as_many_commands_as_one_of_100() {
        List<String> small = commands(100);
        List<String> large = commands(1_000);
        System.out.println("commands of a seed of 100 types: " + small + "; of 1,000 types: " + large);
        // The driver splits a bulk write into batches of the server's maxWriteBatchSize (1,000 documents
        // on the in-process server, 100,000 on MongoDB): 1,000 types and the head make two inserts.
        List<String> expected = new ArrayList<>(small);
        expected.add(small.lastIndexOf("update") + 1, "update");
        assertEquals(
                small.size() == large.size() ? small : expected,
                large,
                "the commands of a seed's types grow only by the driver's batches of 1,000 documents");
    }

    private static List<String> commands(int types) {
        try (MongoFixture fx = new MongoFixture(server)) {
            SeedImportService seeds =
                    fx.ports.seedImportService(TypeSeeds.reader(TypeSeeds.types(WORKSPACE, types)), types);
            fx.commands.reset();
            assertEquals(
                    types, seeds.importSeed(TypeSeeds.command()).objectTypes().created());
            List<String> count = fx.commands.commands();
            assertEquals(types, fx.ports.catalogs().types(WORKSPACE).size());
            return count;
        }
    }

    /** Commands of each step over a tree of one team, {@code projects} projects and {@code tasks} tasks under each. */
    private static Map<String, Integer> measure(int projects, int tasks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (MongoFixture fx = new MongoFixture(server)) {
            fx.define("team", List.of(), "name");
            fx.define("project", List.of("team"));
            fx.define("task", List.of("project", "team"), "code");
            RecordId team = tree(fx, projects, tasks);
            CommandCounter commands = fx.commands;

            commands.reset();
            fx.delete(team);
            counts.put("archive request", commands.count());
            commands.reset();
            fx.restore(team);
            counts.put("restore request", commands.count());
            fx.delete(team);
            commands.reset();
            fx.delete(team);
            counts.put("purge request", commands.count());
            assertTrue(fx.find(team).isEmpty());

            RecordId again = tree(fx, projects, tasks);
            io.archivist.domain.Operation archive = operation(io.archivist.domain.OperationKind.ARCHIVE, again);
            counts.put("store.archive", inUnit(fx, () -> fx.store.cascades().archive(archive)));
            io.archivist.domain.Operation restore = operation(io.archivist.domain.OperationKind.RESTORE, again);
            counts.put("store.restore", inUnit(fx, () -> fx.store.cascades().restore(again, restore, 100)));
            io.archivist.domain.Operation purge = operation(io.archivist.domain.OperationKind.PURGE, again);
            counts.put("store.purge", inUnit(fx, () -> fx.store.cascades().purge(purge)));
            assertEquals(0, fx.database().getCollection(MongoSchema.RECORDS).countDocuments());
        }
        return counts;
    }

    /** Commands {@code cascade} issues inside a unit of work that is already under way. */
    private static int inUnit(MongoFixture fx, Runnable cascade) {
        return fx.store.unitOfWork().write(WORKSPACE, () -> {
            fx.commands.reset();
            cascade.run();
            return fx.commands.count();
        });
    }

    private static io.archivist.domain.Operation operation(io.archivist.domain.OperationKind kind, RecordId root) {
        return io.archivist.domain.Operation.begin(
                io.archivist.domain.OperationId.of(UUID.randomUUID()),
                WORKSPACE,
                kind,
                "alice",
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of(root));
    }

    /** A tree inserted in one batch, as a seed would; tasks depend on their project and on the team (diamonds). */
    private static RecordId tree(MongoFixture fx, int projects, int tasks) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<RecordWithUniqueValues> batch = new ArrayList<>();
        RecordId team = RecordId.of(UUID.randomUUID());
        batch.add(new RecordWithUniqueValues(
                StoredRecord.create(
                        team,
                        WORKSPACE,
                        "team",
                        Optional.empty(),
                        Map.of("name", team.toString()),
                        List.of(),
                        "seed",
                        now),
                Map.of("name", "s:" + team)));
        for (int p = 0; p < projects; p++) {
            RecordId project = RecordId.of(UUID.randomUUID());
            batch.add(new RecordWithUniqueValues(
                    StoredRecord.create(
                            project, WORKSPACE, "project", Optional.empty(), Map.of(), List.of(team), "seed", now),
                    Map.of()));
            for (int t = 0; t < tasks; t++) {
                RecordId task = RecordId.of(UUID.randomUUID());
                batch.add(new RecordWithUniqueValues(
                        StoredRecord.create(
                                task,
                                WORKSPACE,
                                "task",
                                Optional.empty(),
                                Map.of("code", task.toString()),
                                List.of(project, team),
                                "seed",
                                now),
                        Map.of("code", "s:" + task)));
            }
        }
        fx.store.unitOfWork().write(WORKSPACE, () -> {
            fx.store.seedBatches().insertAll(batch);
            return null;
        });
        return team;
    }
}
