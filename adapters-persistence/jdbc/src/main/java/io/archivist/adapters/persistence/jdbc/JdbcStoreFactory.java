package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.RecordReads;
import io.archivist.application.port.out.RecordWrites;
import io.archivist.application.port.out.ScheduledTurns;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.port.out.seed.SeedBatches;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The store ports as beans, on the default DataSource (Micronaut's datasources.default.*, or the
 * embedded H2 database when none is configured). Off when archivist.store=mongo: then this module
 * needs no DataSource and runs no migration.
 */
@Factory
@Requires(property = JdbcStoreFactory.STORE, notEquals = "mongo")
class JdbcStoreFactory {

    static final String STORE = "archivist.store";

    /** Eager: the schema is migrated, and an unreachable database reported, at start-up. */
    @Context
    JdbcDatabase jdbcDatabase(
            DataSource dataSource,
            TransactionOperations<Connection> transactionManager,
            ConnectionOperations<Connection> connections,
            TableRepositories repositories,
            @Value("${archivist.jdbc.max-attempts:10}") int maxAttempts,
            @Value("${archivist.lifecycle.write-wait:30s}") Duration writeWait,
            @Value("${archivist.jdbc.statement-timeout:5m}") Duration statementTimeout) {
        // Micronaut Data wraps the DataSource in one that only works inside its own transactions.
        return JdbcDatabase.open(
                DelegatingDataSource.unwrapDataSource(dataSource),
                transactionManager,
                connections,
                repositories,
                maxAttempts,
                writeWait,
                statementTimeout);
    }

    @Singleton
    RecordReads recordReads(JdbcDatabase db) {
        return new JdbcRecordReads(db);
    }

    @Singleton
    RecordWrites recordWrites(JdbcDatabase db) {
        return new JdbcRecordWrites(db);
    }

    @Singleton
    SeedBatches seedBatches(JdbcDatabase db) {
        return new JdbcRecordWrites(db);
    }

    @Singleton
    RecordCascades recordCascades(JdbcDatabase db) {
        return new JdbcCascades(db);
    }

    @Singleton
    CatalogStore catalogStore(JdbcDatabase db) {
        return new JdbcCatalogStore(db);
    }

    @Singleton
    OperationLog operationLog(JdbcDatabase db) {
        return new JdbcOperationLog(db);
    }

    @Singleton
    IdempotencyStore idempotencyStore(JdbcDatabase db) {
        return new JdbcIdempotencyStore(db);
    }

    @Singleton
    ScheduledTurns scheduledTurns(JdbcDatabase db) {
        return new JdbcScheduledTurns(db);
    }

    @Singleton
    UnitOfWork unitOfWork(JdbcDatabase db) {
        return new JdbcUnitOfWork(db);
    }
}
