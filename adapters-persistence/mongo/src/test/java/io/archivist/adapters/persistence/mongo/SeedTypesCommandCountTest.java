package io.archivist.adapters.persistence.mongo;

import io.archivist.application.contract.TypeSeeds;
import io.archivist.application.service.SeedImportService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        int small = commands(100);
        int large = commands(1_000);
        System.out.println("commands of a seed of 100 types: " + small + "; of 1,000 types: " + large);
        assertEquals(small, large, "the commands of a seed's types do not grow with their number");
    }

    private static int commands(int types) {
        try (MongoFixture fx = new MongoFixture(server)) {
            SeedImportService seeds = new SeedImportService(fx.ports, TypeSeeds.reader(TypeSeeds.types(WORKSPACE, types)), types);
            fx.commands.reset();
            assertEquals(types, seeds.importSeed(TypeSeeds.command()).objectTypes().created());
            int count = fx.commands.count();
            assertEquals(types, fx.ports.catalogs().types(WORKSPACE).size());
            return count;
        }
    }
}
