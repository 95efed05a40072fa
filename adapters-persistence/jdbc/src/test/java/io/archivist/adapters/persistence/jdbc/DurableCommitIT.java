package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * R15: the store checks at start-up that its database writes a commit durably before acknowledging
 * it, and says so in its log when not. The embedded default does (WRITE_DELAY=0); so do the machine's
 * servers. That a kill -9 loses nothing is DurabilityIT's, in the REST module.
 */
class DurableCommitIT {

    @Test
    void r15_the_embedded_url_writes_each_commit_to_the_file_before_acknowledging_it() throws Exception {
        try (Connection embedded = TestDatabase.H2.dataSource().getConnection()) {
            assertEquals(Optional.empty(), new H2Dialect().notDurable(embedded));
        }
        String delayed = "jdbc:h2:file:" + Path.of("target", "h2", "delayed").toAbsolutePath();
        try (Connection connection = DriverManager.getConnection(delayed, "sa", "")) {
            Optional<String> reason = new H2Dialect().notDurable(connection);
            assertTrue(reason.orElse("").contains("WRITE_DELAY=0"), reason::toString);
        }
    }

    @Test
    void r15_postgresql_with_synchronous_commit_off_is_reported() throws Exception {
        try (Connection connection = TestDatabase.POSTGRESQL.dataSource().getConnection()) {
            assertEquals(Optional.empty(), new PostgresDialect().notDurable(connection), "the machine's server");
        }
        String asynchronous = TestDatabase.POSTGRESQL.url() + "?options=-c%20synchronous_commit%3Doff";
        try (Connection connection = DriverManager.getConnection(asynchronous, "postgres", "")) {
            Optional<String> reason = new PostgresDialect().notDurable(connection);
            assertTrue(reason.orElse("").contains("synchronous_commit is off"), reason::toString);
        }
    }

    @Test
    void r15_mariadb_flushes_its_log_at_each_commit() throws Exception {
        try (Connection connection = TestDatabase.MARIADB.dataSource().getConnection()) {
            assertEquals(
                    Optional.empty(),
                    new MariaDbDialect().notDurable(connection),
                    "innodb_flush_log_at_trx_commit = 1 on the machine's server");
        }
    }
}
