package io.archivist.adapters.persistence.jdbc;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** The database the JDBC store runs on: its dialect, its schema (Flyway), and the units of work on it. */
final class JdbcDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);

    static final String MIGRATIONS = "classpath:db/archivist/";

    final Dialect dialect;
    final Sql sql;
    final Transactions transactions;
    final CascadeQueries cascades;

    private JdbcDatabase(Dialect dialect, DataSource dataSource, int maxAttempts) {
        this.dialect = dialect;
        this.sql = new Sql(dialect);
        this.transactions = new Transactions(dataSource, sql, maxAttempts);
        this.cascades = dialect.cascadeQueries(sql);
    }

    /** Detects the database, brings its schema up to date, and opens the store on it. */
    static JdbcDatabase open(DataSource dataSource, int maxAttempts) {
        Dialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = Dialect.of(connection);
            dialect.notDurable(connection).ifPresent(reason -> LOG.warn("{}: an acknowledged write may be lost"
                    + " in a crash (R15)", reason));
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
                .load()
                .migrate();
        return new JdbcDatabase(dialect, dataSource, maxAttempts);
    }
}
