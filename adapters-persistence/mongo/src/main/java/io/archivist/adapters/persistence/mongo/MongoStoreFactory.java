package io.archivist.adapters.persistence.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.ScheduledTurns;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.port.out.seed.SeedBatches;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * The Mongo store's beans, active only with {@code archivist.store=mongo} (ARCHIVIST_STORE=mongo); the
 * client connects to {@code mongodb.uri} (MONGODB_URI), whose database names the store's database.
 * The store is a context bean: it opens, creates its indexes and recovers abandoned units at start-up.
 */
@Factory
@Requires(property = "archivist.store", value = "mongo")
public class MongoStoreFactory {

    /** With the service's MeterRegistry, the pool's use is measured (docs/operations.md: mongodb_driver_pool_*). */
    @Singleton
    @Bean(preDestroy = "close")
    MongoClient archivistMongoClient(@Value("${mongodb.uri:}") String uri, Optional<MeterRegistry> meters) {
        ConnectionString connection = connection(uri);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .writeConcern(durable(connection.getWriteConcern()));
        meters.ifPresent(registry -> settings.applyToConnectionPoolSettings(
                pool -> pool.addConnectionPoolListener(new MongoMetricsConnectionPoolListener(registry))));
        return MongoClients.create(settings.build());
    }

    /**
     * R15: an answer is sent once its writes are journaled on a majority of the replica set
     * ({@code w=majority, j=true}), so neither this process's crash nor a server's, nor a failover,
     * loses it. A URI may name another acknowledged {@code w} (such as 3); journaling is added to it.
     * {@code w=0} (nothing acknowledged) cannot keep R15, so the service does not start with it.
     */
    static WriteConcern durable(WriteConcern fromUri) {
        if (fromUri == null || fromUri.getWObject() == null) {
            return WriteConcern.MAJORITY.withJournal(true);
        }
        if (!fromUri.isAcknowledged()) {
            throw new IllegalStateException("MONGODB_URI asks for unacknowledged writes (w=0); the store needs every"
                    + " write acknowledged and journaled (w=majority&journal=true)");
        }
        return fromUri.withJournal(true);
    }

    @Context
    @Bean(preDestroy = "close")
    MongoStore mongoStore(
            MongoClient client,
            @Value("${mongodb.uri:}") String uri,
            @Value("${archivist.mongo.lease:10s}") String lease,
            @Value("${archivist.lifecycle.write-wait:30s}") String lifecycleWriteWait,
            @Value("${archivist.mongo.write-wait:}") String writeWait,
            @Value("${archivist.mongo.read-wait:}") String readWait,
            @Value("${archivist.mongo.sweep-every:10s}") String sweepEvery,
            @Value("${archivist.mongo.max-ancestors:1000}") int maxAncestors,
            @Value("${archivist.mongo.node-id:}") String nodeId) {
        String database =
                Optional.ofNullable(connection(uri).getDatabase()).orElse(MongoStoreSettings.DEFAULT_DATABASE);
        // R14: unless set apart, a write waits for another process's lease, and a read for a unit under way,
        // as long as a write waits for its turn; then the client gets a 409 with Retry-After.
        Duration wait = duration(lifecycleWriteWait);
        return MongoStore.open(
                client.getDatabase(database),
                new MongoStoreSettings(
                        database,
                        duration(lease),
                        writeWait.isBlank() ? wait : duration(writeWait),
                        readWait.isBlank() ? wait : duration(readWait),
                        duration(sweepEvery),
                        maxAncestors,
                        Optional.of(nodeId)));
    }

    @Singleton
    RecordReads recordReads(MongoStore store) {
        return store.records();
    }

    @Singleton
    RecordWrites recordWrites(MongoStore store) {
        return store.records();
    }

    @Singleton
    RecordCascades recordCascades(MongoStore store) {
        return store.cascades();
    }

    @Singleton
    SeedBatches seedBatches(MongoStore store) {
        return store.seedBatches();
    }

    @Singleton
    CatalogStore catalogStore(MongoStore store) {
        return store.catalogs();
    }

    @Singleton
    OperationLog operationLog(MongoStore store) {
        return store.operations();
    }

    @Singleton
    IdempotencyStore idempotencyStore(MongoStore store) {
        return store.idempotency();
    }

    @Singleton
    ScheduledTurns scheduledTurns(MongoStore store) {
        return store.scheduledTurns();
    }

    @Singleton
    UnitOfWork unitOfWork(MongoStore store) {
        return store.unitOfWork();
    }

    /** "30s", "500ms", "2m", "1h" as Micronaut writes durations, or ISO-8601 ("PT30S"). */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase();
        try {
            if (value.startsWith("pt") || value.startsWith("p")) {
                return Duration.parse(value.toUpperCase());
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalStateException("'" + text + "' is not a duration such as 30s, 500ms, 2m or PT30S");
        }
    }

    private static ConnectionString connection(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("ARCHIVIST_STORE=mongo needs MONGODB_URI (property mongodb.uri), "
                    + "for example mongodb://localhost:27017/archivist?replicaSet=rs0");
        }
        return new ConnectionString(uri);
    }
}
