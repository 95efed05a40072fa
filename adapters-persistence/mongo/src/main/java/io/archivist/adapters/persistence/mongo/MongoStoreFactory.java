package io.archivist.adapters.persistence.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordStore;
import io.archivist.application.port.out.UnitOfWork;
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

    @Singleton
    @Bean(preDestroy = "close")
    MongoClient archivistMongoClient(@Value("${mongodb.uri:}") String uri) {
        return MongoClients.create(connection(uri));
    }

    @Context
    @Bean(preDestroy = "close")
    MongoStore mongoStore(MongoClient client, @Value("${mongodb.uri:}") String uri,
                          @Value("${archivist.mongo.lease:30s}") Duration lease,
                          @Value("${archivist.mongo.write-wait:60s}") Duration writeWait,
                          @Value("${archivist.mongo.read-wait:60s}") Duration readWait,
                          @Value("${archivist.mongo.sweep-every:10s}") Duration sweepEvery,
                          @Value("${archivist.mongo.max-ancestors:1000}") int maxAncestors,
                          @Value("${archivist.mongo.node-id:}") String nodeId) {
        String database = Optional.ofNullable(connection(uri).getDatabase()).orElse(MongoStoreSettings.DEFAULT_DATABASE);
        return MongoStore.open(client.getDatabase(database), new MongoStoreSettings(database, lease, writeWait,
                readWait, sweepEvery, maxAncestors, Optional.of(nodeId)));
    }

    @Singleton
    RecordStore recordStore(MongoStore store) {
        return store.records();
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
    UnitOfWork unitOfWork(MongoStore store) {
        return store.unitOfWork();
    }

    private static ConnectionString connection(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("ARCHIVIST_STORE=mongo needs MONGODB_URI (property mongodb.uri), "
                    + "for example mongodb://localhost:27017/archivist?replicaSet=rs0");
        }
        return new ConnectionString(uri);
    }
}
