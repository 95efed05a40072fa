package io.archivist.adapters.persistence.mongo;

import io.archivist.application.contract.TypeSeeds;
import io.archivist.application.service.SeedImportService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.archivist.adapters.persistence.mongo.MongoFixture.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12, "work in proportion to its input": a seed of 1,000 object types takes as many commands
 * as one of 100 (one batch of types, one catalog version), counted by the driver's command listener.
 */
class SeedTypesCommandCountTest {

    private static InProcessMongo server;

    @BeforeAll
    static void startServer() {
        server = new InProcessMongo();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void s5_a_seed_of_1000_types_takes_as_many_commands_as_one_of_100() {
        List<String> small = commands(100);
        List<String> large = commands(1_000);
        System.out.println("commands of a seed of 100 types: " + small + "; of 1,000 types: " + large);
        // The driver splits a bulk write into batches of the server's maxWriteBatchSize (1,000 documents
        // on the in-process server, 100,000 on MongoDB): 1,000 types and the head make two inserts.
        List<String> expected = new ArrayList<>(small);
        expected.add(small.lastIndexOf("update") + 1, "update");
        assertEquals(small.size() == large.size() ? small : expected, large,
                "the commands of a seed's types grow only by the driver's batches of 1,000 documents");
    }

    private static List<String> commands(int types) {
        try (MongoFixture fx = new MongoFixture(server)) {
            SeedImportService seeds = new SeedImportService(fx.ports, TypeSeeds.reader(TypeSeeds.types(WORKSPACE, types)), types);
            fx.commands.reset();
            assertEquals(types, seeds.importSeed(TypeSeeds.command()).objectTypes().created());
            List<String> count = fx.commands.commands();
            assertEquals(types, fx.ports.catalogs().types(WORKSPACE).size());
            return count;
        }
    }
}
