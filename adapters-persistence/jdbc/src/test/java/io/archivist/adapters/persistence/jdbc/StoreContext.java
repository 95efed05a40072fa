package io.archivist.adapters.persistence.jdbc;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The JDBC store on a DataSource of the test's choosing (a test database's pool, one that counts or
 * breaks connections), its units of work run by Micronaut Data's transaction manager as in the
 * application: a Micronaut context that holds that DataSource, Micronaut's connection and
 * transaction management on it and the store's repositories, and nothing else.
 */
final class StoreContext {

    private StoreContext() {}

    static JdbcDatabase open(DataSource dataSource, int maxAttempts) {
        return open(dataSource, maxAttempts, JdbcDatabase.DEFAULT_WRITE_WAIT, JdbcDatabase.DEFAULT_STATEMENT_TIMEOUT);
    }

    /** The store as JdbcStoreFactory opens it, with these settings. The context lives as long as the test JVM. */
    static JdbcDatabase open(DataSource dataSource, int maxAttempts, Duration writeWait, Duration statementTimeout) {
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                // The module's own factories stay off (they would open the embedded database): the store
                // is opened below, on the DataSource given.
                .properties(Map.of(JdbcStoreFactory.STORE, "mongo"))
                .build();
        // Named as datasources.default.* names its pool: Micronaut's managers are made per named DataSource.
        context.registerSingleton(DataSource.class, dataSource, Qualifiers.byName("default"));
        context.start();
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactionManager =
                context.getBean(Argument.of(TransactionOperations.class, Connection.class));
        @SuppressWarnings("unchecked")
        ConnectionOperations<Connection> connections =
                context.getBean(Argument.of(ConnectionOperations.class, Connection.class));
        return JdbcDatabase.open(
                dataSource,
                transactionManager,
                connections,
                context.getBean(TableRepositories.class),
                maxAttempts,
                writeWait,
                statementTimeout);
    }
}
