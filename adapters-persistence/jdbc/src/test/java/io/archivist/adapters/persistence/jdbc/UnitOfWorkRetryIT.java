package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R8: a unit of work that meets a deadlock or serialization failure runs again, a bounded number of
 * times; then the caller gets CONCURRENT_MODIFICATION and nothing of the unit is left.
 */
class UnitOfWorkRetryIT {

    private static final ObjectType NOTE = new ObjectType("note", true, List.of(), List.of(), Optional.empty());

    /** A point read commits statement by statement: a write inside it could not be all-or-nothing, so it is refused. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_write_cannot_run_inside_a_point_read(TestDatabase database) {
        try (StoreFixture store = new StoreFixture(database)) {
            UnitOfWork units = store.ports.unitOfWork();
            IllegalStateException refused = assertThrows(
                    IllegalStateException.class,
                    () -> units.readLatest(
                            store.workspace,
                            () -> units.write(store.workspace, () -> {
                                store.ports.catalogs().save(store.workspace, NOTE);
                                return null;
                            })));
            assertTrue(refused.getMessage().contains("point read"), refused.getMessage());
            assertTrue(store.ports.catalogs().types(store.workspace).isEmpty(), "nothing was written");
        }
    }

    /**
     * Two units lock two workspaces in opposite orders (a nested write joins the unit and locks its
     * workspace too): the database breaks the deadlock by failing one, which runs again and succeeds.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void r8_a_deadlock_is_retried_and_both_units_complete(TestDatabase database) throws Exception {
        try (StoreFixture first = new StoreFixture(database);
                StoreFixture second = new StoreFixture(database)) {
            UnitOfWork units = first.ports.unitOfWork();
            // Both workspaces exist (their first write creates their lock row): what follows is a pure lock cycle.
            units.write(first.workspace, () -> null);
            units.write(second.workspace, () -> null);
            AtomicInteger attempts = new AtomicInteger();
            CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<RecordId> one =
                        pool.submit(() -> crossWrite(units, first, second, attempts, bothHoldTheirFirstLock));
                Future<RecordId> two =
                        pool.submit(() -> crossWrite(units, second, first, attempts, bothHoldTheirFirstLock));
                RecordId a = one.get(2, TimeUnit.MINUTES); // bounds a hang, never times the work
                RecordId b = two.get(2, TimeUnit.MINUTES);
                assertTrue(second.ports.records().find(second.workspace, a).isPresent());
                assertTrue(first.ports.records().find(first.workspace, b).isPresent());
            } finally {
                pool.shutdownNow();
            }
            // PostgreSQL and MariaDB detect the cycle and fail one unit; H2 lets both wait out their lock
            // timeout, and may fail both.
            assertTrue(attempts.get() >= 3, "a unit ran again after the deadlock: " + attempts.get() + " attempts");
            if (database != TestDatabase.H2) {
                assertEquals(3, attempts.get(), "exactly one of the two units ran again");
            }
        }
    }

    /** Locks {@code from}'s workspace, waits until the other unit holds its own, then writes in {@code to}'s. */
    private static RecordId crossWrite(
            UnitOfWork units,
            StoreFixture from,
            StoreFixture to,
            AtomicInteger attempts,
            CountDownLatch bothHoldTheirFirstLock) {
        return units.write(from.workspace, () -> {
            attempts.incrementAndGet();
            bothHoldTheirFirstLock.countDown();
            await(bothHoldTheirFirstLock);
            return units.write(to.workspace, () -> {
                StoredRecord note = note(to);
                to.ports.records().insert(note, Map.of());
                return note.id();
            });
        });
    }

    /** A serialization failure raised by PostgreSQL itself, every time: bounded retries, then a clear refusal. */
    @Test
    void r8_a_serialization_failure_that_keeps_coming_back_ends_as_concurrent_modification() {
        try (StoreFixture store =
                new StoreFixture(TestDatabase.POSTGRESQL, StoreContext.open(TestDatabase.POSTGRESQL.dataSource(), 3))) {
            AtomicInteger attempts = new AtomicInteger();
            StoredRecord note = note(store);
            ArchivistException refused = assertThrows(
                    ArchivistException.class,
                    () -> store.ports.unitOfWork().write(store.workspace, () -> {
                        attempts.incrementAndGet();
                        store.ports.records().insert(note, Map.of());
                        return store.db.transactions.statements(c -> {
                            try (Statement s = c.createStatement()) {
                                return s.execute("DO $$ BEGIN RAISE EXCEPTION 'forced by the test'"
                                        + " USING ERRCODE = 'serialization_failure'; END $$");
                            }
                        });
                    }));
            assertEquals(ErrorCode.CONCURRENT_MODIFICATION, refused.code());
            assertEquals(3, attempts.get(), "three attempts, as configured");
            assertTrue(refused.getMessage().contains("3 attempts"), refused.getMessage());
            assertTrue(store.ports.records().find(store.workspace, note.id()).isEmpty(), "nothing of the unit is left");
        }
    }

    /** Each dialect knows its own transient failures (H2 40001, MariaDB 1213, PostgreSQL 40P01) and retries them. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void r8_the_dialect_retries_its_own_deadlock_code_and_nothing_else(TestDatabase database) {
        SQLException deadlock = switch (database) {
            case H2 -> new SQLException("deadlock", "40001", 40001);
            case POSTGRESQL -> new SQLException("deadlock", "40P01");
            case MARIADB -> new SQLException("Deadlock found when trying to get lock", "40001", 1213);
        };
        try (StoreFixture store = new StoreFixture(database, StoreContext.open(database.dataSource(), 4))) {
            AtomicInteger attempts = new AtomicInteger();
            ArchivistException refused = assertThrows(
                    ArchivistException.class,
                    () -> store.ports.unitOfWork().write(store.workspace, () -> {
                        attempts.incrementAndGet();
                        return store.db.transactions.statements(c -> {
                            throw deadlock;
                        });
                    }));
            assertEquals(ErrorCode.CONCURRENT_MODIFICATION, refused.code());
            assertEquals(4, attempts.get());

            AtomicInteger once = new AtomicInteger();
            assertThrows(
                    JdbcStoreException.class,
                    () -> store.ports.unitOfWork().write(store.workspace, () -> {
                        once.incrementAndGet();
                        return store.db.transactions.statements(c -> {
                            throw new SQLException("a syntax error is no reason to try again", "42601");
                        });
                    }));
            assertEquals(1, once.get());
        }
    }

    private static StoredRecord note(StoreFixture store) {
        return StoredRecord.create(
                store.newId(),
                store.workspace,
                NOTE.name(),
                Optional.empty(),
                Map.of(),
                List.of(),
                "tester",
                Instant.parse("2026-11-23T10:00:00Z"));
    }

    private static void await(CountDownLatch latch) {
        try {
            // Bounded only so that a broken deadlock detector fails the test instead of hanging it.
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the other unit never took its first lock");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
