package io.archivist.adapters.persistence.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import io.archivist.application.contract.StorePorts;
import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.CreateRecordCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.out.IdGenerator;
import io.archivist.application.port.out.TimeSource;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.CatalogService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.OperationService;
import io.archivist.application.service.RecordService;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A Mongo store over a fresh database of an in-process server, with the application's services on
 * top, built by hand as the composition root would. {@link #restart} drops the store object and opens
 * a new one on the same database, as a new process would.
 */
final class MongoFixture implements AutoCloseable {

    static final WorkspaceId WORKSPACE = WorkspaceId.of("acme");
    static final Caller ADMIN = Caller.user("alice", WORKSPACE, Set.of(Role.ADMIN));

    final CommandCounter commands = new CommandCounter();
    final String databaseName = "t" + UUID.randomUUID().toString().replace("-", "");
    private final MongoClient client;
    private final MongoStoreSettings settings;
    MongoStore store;
    StorePorts ports;
    RecordService records;
    LifecycleService lifecycle;
    BulkLifecycleService bulk;
    CatalogService catalog;
    OperationService operations;

    MongoFixture(InProcessMongo server) {
        this(server, MongoStoreSettings.defaults("unused"), new CommandListener[0]);
    }

    MongoFixture(InProcessMongo server, MongoStoreSettings settings, CommandListener... more) {
        List<CommandListener> listeners = new ArrayList<>(Arrays.asList(more));
        listeners.add(commands);
        this.client = server.client(listeners.toArray(CommandListener[]::new));
        this.settings = settings;
        open(client);
    }

    MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    MongoClient client() {
        return client;
    }

    /** The ports of {@code store}, as the service's beans are, with a catalog cache of their own. */
    static StorePorts ports(MongoStore store, TimeSource time, IdGenerator ids) {
        return new StorePorts(
                store.records(),
                store.records(),
                store.cascades(),
                store.seedBatches(),
                store.catalogs(),
                store.operations(),
                store.unitOfWork(),
                store.idempotency(),
                time,
                ids);
    }

    /** Opens the store on {@code over} (another client: another process) and builds the services on it. */
    MongoStore open(MongoClient over) {
        return open(over, settings, java.time.Clock.systemUTC());
    }

    /** As {@link #open(MongoClient)}, with other settings and a clock of the test's own (lease expiry). */
    MongoStore open(MongoClient over, MongoStoreSettings with, java.time.Clock clock) {
        store = MongoStore.open(over.getDatabase(databaseName), with, clock);
        ports = ports(store, Instant::now, new TimeOrderedIds());
        records = ports.recordService();
        lifecycle = ports.lifecycleService(LifecyclePolicy.DEFAULT);
        bulk = ports.bulkLifecycleService(LifecyclePolicy.DEFAULT);
        catalog = ports.catalogService();
        operations = ports.operationService();
        return store;
    }

    /** A new store object on the same database, as a restarted process: start-up recovery runs. */
    void restart() {
        store.close();
        open(client);
    }

    void define(String name, List<String> parents, String... unique) {
        catalog.define(ADMIN, new ObjectType(name, true, parents, List.of(unique), Optional.empty()));
    }

    RecordId create(String type, Map<String, Object> attributes, RecordId... parents) {
        return records.create(new CreateRecordCommand(ADMIN, type, Optional.empty(), attributes, List.of(parents)))
                .record()
                .id();
    }

    StoredRecord get(RecordId id) {
        return store.records().find(WORKSPACE, id).orElseThrow();
    }

    Optional<StoredRecord> find(RecordId id) {
        return store.records().find(WORKSPACE, id);
    }

    LifecycleResult delete(RecordId id) {
        return lifecycle.delete(LifecycleCommand.of(ADMIN, id));
    }

    LifecycleResult restore(RecordId id) {
        return lifecycle.restore(LifecycleCommand.of(ADMIN, id));
    }

    BulkResult bulk(BulkCommand.Action action, boolean atomic, RecordId... ids) {
        return bulk.bulk(new BulkCommand(ADMIN, action, List.of(ids), atomic));
    }

    @Override
    public void close() {
        store.close();
        client.getDatabase(databaseName).drop();
        client.close();
    }
}
