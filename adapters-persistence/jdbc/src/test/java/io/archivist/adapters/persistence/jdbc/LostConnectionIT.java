package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.out.StoreUnavailableException;
import io.archivist.domain.ObjectType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A unit whose connection the database drops runs again once on another connection; when that one is
 * dropped too, the store is unavailable (a 503 for the client), never a crash with the driver's text.
 */
class LostConnectionIT {

    private static final ObjectType NOTE = new ObjectType("note", true, List.of(), List.of(), Optional.empty());

    /** A driver may leave the SQLState null (a closed connection): no dialect may fail on it. */
    @Test
    void a_failure_without_sql_state_is_neither_retryable_nor_a_crash() {
        SQLException noState = new SQLException("closed");
        for (Dialect dialect : List.of(new H2Dialect(), new PostgresDialect(), new MariaDbDialect())) {
            assertFalse(assertDoesNotThrow(() -> dialect.isRetryable(noState)), dialect.name());
            assertFalse(assertDoesNotThrow(() -> dialect.isLockTimeout(noState)), dialect.name());
            assertFalse(assertDoesNotThrow(() -> dialect.isConnectionLost(noState)), dialect.name());
            assertFalse(
                    dialect.isUniqueViolation(noState)
                            || dialect.isForeignKeyViolation(noState)
                            || dialect.isValueTooLong(noState),
                    dialect.name());
            assertTrue(dialect.isConnectionLost(new SQLException("gone", "08006")), dialect.name());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TestDatabase.class,
            names = {"POSTGRESQL", "MARIADB"})
    void a_unit_whose_connection_is_killed_runs_again_once_on_another(TestDatabase database) throws SQLException {
        try (StoreFixture store = new StoreFixture(database)) {
            AtomicInteger attempts = new AtomicInteger();
            store.ports.unitOfWork().write(store.workspace, () -> {
                if (attempts.incrementAndGet() == 1) {
                    killOwnConnection(store, database);
                }
                store.ports.catalogs().save(store.workspace, NOTE);
                return null;
            });
            assertEquals(2, attempts.get(), "the unit ran again after its connection was killed");
            assertEquals(List.of(NOTE), store.ports.catalogs().types(store.workspace));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = TestDatabase.class,
            names = {"POSTGRESQL", "MARIADB"})
    void a_unit_whose_connection_is_killed_twice_finds_the_store_unavailable(TestDatabase database) {
        try (StoreFixture store = new StoreFixture(database)) {
            AtomicInteger attempts = new AtomicInteger();
            StoreUnavailableException unavailable = assertThrows(
                    StoreUnavailableException.class,
                    () -> store.ports.unitOfWork().write(store.workspace, () -> {
                        attempts.incrementAndGet();
                        killOwnConnection(store, database);
                        store.ports.catalogs().save(store.workspace, NOTE);
                        return null;
                    }));
            assertEquals(2, attempts.get(), "once again, not more");
            WaitingWritersIT.assertNoDatabaseText(unavailable.getMessage());
            assertTrue(store.ports.catalogs().types(store.workspace).isEmpty(), "nothing of the unit was kept");
        }
    }

    /** Ends the unit's session from another connection, as a restarting server or a dropped network would. */
    private static void killOwnConnection(StoreFixture store, TestDatabase database) {
        String idQuery = database == TestDatabase.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
        long id = store.db.transactions.statements(
                c -> store.db.sql.list(c, idQuery, rows -> rows.getLong(1)).get(0));
        try (Connection admin = DriverManager.getConnection(database.url(), database.user(), "");
                Statement kill = admin.createStatement()) {
            kill.execute(
                    database == TestDatabase.POSTGRESQL ? "SELECT pg_terminate_backend(" + id + ")" : "KILL " + id);
        } catch (SQLException e) {
            throw new AssertionError("could not end the unit's session", e);
        }
    }
}
