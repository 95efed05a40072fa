package io.archivist.adapters.persistence.jdbc;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.support.AbstractConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database the JDBC store runs on: its dialect, its schema (Flyway), and the units of work on it. */
final class JdbcDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);

    static final String MIGRATIONS = "classpath:db/archivist/";

    final Dialect dialect;
    final Sql sql;
    final Transactions transactions;
    final CascadeQueries cascades;
    /** The simple tables' repositories (Micronaut Data), those compiled for this database. */
    final CatalogRows catalogRows;

    final IdempotentRequests idempotentRequests;

    final OperationRows operationRows;

    /** archivist.lifecycle.write-wait's default: how long a write waits for its workspace's lock (R14). */
    static final Duration DEFAULT_WRITE_WAIT = Duration.ofSeconds(30);

    /**
     * R14: archivist.jdbc.statement-timeout's default: a backstop for a runaway statement, well past the
     * longest statement of a cascade of max-cascade-records (seconds on PostgreSQL, longer on MariaDB).
     */
    static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(5);

    private JdbcDatabase(
            Dialect dialect,
            TransactionOperations<Connection> transactionManager,
            ConnectionOperations<Connection> connections,
            TableRepositories repositories,
            int maxAttempts,
            Duration writeWait,
            Duration statementTimeout) {
        this.dialect = dialect;
        this.sql = new Sql(dialect, statementTimeout);
        this.transactions = new Transactions(transactionManager, connections, sql, maxAttempts, writeWait);
        this.cascades = dialect.cascadeQueries(sql);
        this.catalogRows = repositories.catalog();
        this.idempotentRequests = dialect.idempotentRequests(repositories);
        this.operationRows = repositories.operations(dialect);
        if (!(connections instanceof AbstractConnectionOperations<Connection> managed)) {
            throw new IllegalStateException("the repositories' statements need Micronaut's own connection operations,"
                    + " to run under archivist.jdbc.statement-timeout");
        }
        managed.addConnectionCustomizer(new RepositoryStatementTimeouts(sql.timeoutSeconds()));
    }

    /**
     * Detects the database, brings its schema up to date, and opens the store on it, its units of work run by
     * Micronaut's transaction manager and connection operations on {@code dataSource}, the simple tables through
     * the {@code repositories} compiled for it: a write waits at most {@code writeWait} for its workspace's lock,
     * a statement runs at most {@code statementTimeout}.
     * {@code dataSource} is the pool itself (not Micronaut's wrapper, which hands out only a unit's connection):
     * the detection of the database and Flyway take connections of their own.
     */
    static JdbcDatabase open(
            DataSource dataSource,
            TransactionOperations<Connection> transactionManager,
            ConnectionOperations<Connection> connections,
            TableRepositories repositories,
            int maxAttempts,
            Duration writeWait,
            Duration statementTimeout) {
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.of(connection);
            dialect.notDurable(connection)
                    .ifPresent(
                            reason -> LOG.warn("{}: an acknowledged write may be lost" + " in a crash (R15)", reason));
        } catch (SQLException e) {
            throw new JdbcStoreException("cannot reach the database", e);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS + dialect.name())
                .table("archivist_schema_history")
                // A database that already holds other tables gets ours beside them.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .javaMigrations(new SearchTextBackfill(dialect))
                .load()
                .migrate();
        return new JdbcDatabase(
                dialect, transactionManager, connections, repositories, maxAttempts, writeWait, statementTimeout);
    }
}
