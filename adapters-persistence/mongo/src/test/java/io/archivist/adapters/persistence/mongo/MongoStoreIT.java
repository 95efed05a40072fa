package io.archivist.adapters.persistence.mongo;

import com.mongodb.client.MongoClient;
import io.archivist.application.contract.KitFixture;
import io.archivist.application.contract.StoreContract;
import io.archivist.application.contract.StorePorts;
import io.archivist.application.port.out.ScheduledTurns;
import io.archivist.application.service.TimeOrderedIds;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole store contract kit on the Mongo store, with the real sync driver against the in-process
 * wire-protocol server. One store serves every test: each test works in a fresh workspace.
 */
class MongoStoreIT implements StoreContract {

    @RegisterExtension
    static final InProcessMongo server = new InProcessMongo();

    private static MongoClient client;
    private static MongoStore store;
    /** A second service instance on the same database: a store of its own, with its own leases. */
    private static MongoStore second;

    private final KitFixture kit = new KitFixture(new StorePorts(
            store.records(),
            store.records(),
            store.cascades(),
            store.seedBatches(),
            store.catalogs(),
            store.operations(),
            store.unitOfWork(),
            store.idempotency(),
            Instant::now,
            new TimeOrderedIds()));

    @BeforeAll
    static void open() {
        client = server.client();
        store = MongoStore.open(client.getDatabase("kit"), MongoStoreSettings.defaults("kit"));
        second = MongoStore.open(client.getDatabase("kit"), MongoStoreSettings.defaults("kit-second"));
    }

    @AfterAll
    static void close() {
        store.close();
        second.close();
        client.close();
    }

    @Override
    public KitFixture kit() {
        return kit;
    }

    @Override
    public ScheduledTurns scheduledTurns() {
        return store.scheduledTurns();
    }

    @Override
    public ScheduledTurns scheduledTurnsOfAnotherInstance() {
        return second.scheduledTurns();
    }

    @Override
    public StorePorts anotherInstance() {
        return new StorePorts(
                second.records(),
                second.records(),
                second.cascades(),
                second.seedBatches(),
                second.catalogs(),
                second.operations(),
                second.unitOfWork(),
                second.idempotency(),
                ports().time(),
                ports().ids());
    }
}
