package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.RememberedAnswer;
import io.archivist.application.port.out.StoreUnavailableException;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R14: every statement of the store runs under archivist.jdbc.statement-timeout, the repositories' too. A statement that
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

    /**
     * Micronaut Data prepares the repositories' statements itself (the catalog's tables, idempotent_requests):
     * they run under the same timeout as the store's own.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void the_statements_of_the_repositories_run_under_the_timeout_too(TestDatabase database) {
        database.database(); // migrated
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        JdbcDatabase db = StoreContext.open(counting, 1, JdbcDatabase.DEFAULT_WRITE_WAIT, Duration.ofSeconds(7));
        List<CountingDataSource.Prepared> seen = new CopyOnWriteArrayList<>();
        counting.beforeExecute = seen::add;
        try (StoreFixture store = new StoreFixture(database, db)) {
            CatalogStore catalogs = store.ports.catalogs();
            ObjectType kept = new ObjectType("kept", true, List.of(), List.of(), Optional.of(new Retention("P30D")));
            catalogs.save(store.workspace, kept); // outside a unit of work: the workspace's row is made here too
            assertEquals(List.of(kept), catalogs.load(store.workspace).types());
            assertTrue(catalogs.version(store.workspace) != CatalogStore.NEVER_CHANGED);
            assertEquals(List.of(kept), catalogs.typesWithRetention().get(store.workspace));

            IdempotencyStore answers = store.ports.idempotency();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            answers.remember(store.workspace, "key", new RememberedAnswer("request", "answer", now));
            assertEquals(
                    Optional.of(new RememberedAnswer("request", "answer", now)),
                    answers.find(store.workspace, "key", now.minusSeconds(60)));
            assertEquals(0, answers.forget(Instant.EPOCH, 10), "nothing was answered before 1970");
        }
        counting.beforeExecute = prepared -> {};

        List<CountingDataSource.Prepared> repositories = seen.stream()
                .filter(prepared -> prepared.sql().contains("object_types")
                        || prepared.sql().contains("catalog_version")
                        || prepared.sql().contains("idempotent_requests"))
                .toList();
        assertTrue(
                repositories.stream()
                                .filter(prepared -> prepared.sql().contains("idempotent_requests"))
                                .count()
                        >= 4,
                "the answer's find, its DELETE and INSERT, and the bounded DELETE: " + repositories);
        for (CountingDataSource.Prepared prepared : repositories) {
            assertEquals(7, prepared.queryTimeout(), prepared.sql());
        }
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
