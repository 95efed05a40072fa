package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.out.StoreUnavailableException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R14: every statement of the store runs under archivist.jdbc.statement-timeout. A statement that
 * would run for many minutes is cancelled, and the failure says so without quoting the SQL.
 */
class StatementTimeoutIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_statement_longer_than_the_timeout_is_cancelled_with_a_message_that_names_the_setting(TestDatabase database) {
        JdbcDatabase db =
                StoreContext.open(database.dataSource(), 1, JdbcDatabase.DEFAULT_WRITE_WAIT, Duration.ofSeconds(1));

        // A 503 that invites a later retry (R14: never a 500), not run again at once: it would take as long.
        StoreUnavailableException refused = assertThrows(
                StoreUnavailableException.class,
                () -> db.transactions.statements(c -> db.sql.list(c, slowQuery(database), rows -> rows.getLong(1))));
        assertTrue(
                refused.getMessage().startsWith("a statement ran longer than archivist.jdbc.statement-timeout"),
                refused.getMessage());
        JdbcStoreException failure = assertInstanceOf(JdbcStoreException.class, refused.getCause());
        assertTrue(Sql.isTimeout(failure.sqlException()), failure.getMessage());
        assertTrue(
                failure.getMessage().startsWith("a statement ran longer than archivist.jdbc.statement-timeout (1 s)"),
                failure.getMessage());
        assertFalse(
                failure.getMessage()
                        .substring(0, failure.getMessage().indexOf(':'))
                        .contains("SELECT"),
                "the store's own message quotes no SQL: " + failure.getMessage());
        // The connection went back to the pool usable: the next statement runs.
        assertEquals(
                1L,
                db.transactions
                        .statements(c -> db.sql.list(c, "SELECT 1", rows -> rows.getLong(1)))
                        .get(0));
    }

    /** Minutes of work that holds no memory: a count over a huge cross product, or a sleep. */
    private static String slowQuery(TestDatabase database) {
        return switch (database) {
            case H2 -> "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000) a, SYSTEM_RANGE(1, 1000000) b";
            case POSTGRESQL -> "SELECT 1 FROM pg_sleep(600)";
            case MARIADB -> "SELECT COUNT(*) FROM seq_1_to_1000000 a, seq_1_to_1000000 b";
        };
    }
}
