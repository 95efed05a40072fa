package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.archivist.application.port.out.UnitOfWork;
import io.archivist.application.service.WorkspaceTurns;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.WorkspaceId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R14 on each relational database: a writer waiting for its workspace's turn holds no pooled connection,
 * reads never wait for writers, and a workspace locked by another process is a CONCURRENT_MODIFICATION
 * after the write-wait, with no SQL in its message and without running the unit again.
 */
class WaitingWritersIT {

    private static final ObjectType NOTE = new ObjectType("note", true, List.of(), List.of(), Optional.empty());
    /** Words of SQL and of the drivers that an answer must never carry. */
    static final List<String> DATABASE_WORDS = List.of(
            "SELECT",
            "FOR UPDATE",
            "lock_timeout",
            "SQL",
            "ERROR:",
            "workspaces",
            "jdbc",
            "org.",
            "Exception",
            "timeout trying");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void writers_queued_in_one_workspace_hold_no_connection_and_reads_do_not_wait_for_them(TestDatabase database)
            throws Exception {
        // Two connections: the writer holding A's turn has one; if the queued writers held any, B would get none.
        try (HikariDataSource pool = pool(database, 2);
                StoreFixture a = new StoreFixture(database);
                StoreFixture b = new StoreFixture(database)) {
            JdbcDatabase db = StoreContext.open(pool, 10);
            WorkspaceTurns turns = new WorkspaceTurns(new JdbcUnitOfWork(db), Duration.ofMinutes(2), 16);
            JdbcCatalogStore catalogs = new JdbcCatalogStore(db);
            ExecutorService threads = Executors.newCachedThreadPool();
            CountDownLatch release = new CountDownLatch(1);
            try {
                CountDownLatch holding = new CountDownLatch(1);
                Future<?> holder = threads.submit(() -> turns.write(a.workspace, () -> {
                    catalogs.save(a.workspace, NOTE); // the unit holds its connection and A's lock from here on
                    holding.countDown();
                    return await(release);
                }));
                assertTrue(holding.await(1, TimeUnit.MINUTES), "the holder got A's turn");
                AtomicInteger done = new AtomicInteger();
                for (int i = 0; i < 5; i++) {
                    threads.submit(() -> turns.write(a.workspace, done::incrementAndGet));
                }
                waitUntil(() -> turns.waiting(a.workspace) == 5, "five writers queued in A");

                turns.write(b.workspace, () -> {
                    catalogs.save(b.workspace, NOTE);
                    return null;
                });
                assertEquals(List.of("note"), names(turns, catalogs, b.workspace), "B wrote while A's writers queued");
                assertEquals(
                        List.of(),
                        names(turns, catalogs, a.workspace),
                        "a read in A answers while A's write is under way, and sees none of it");
                assertEquals(0, done.get(), "A's queued writers are still waiting");

                release.countDown();
                holder.get(1, TimeUnit.MINUTES);
                waitUntil(() -> done.get() == 5, "A's queued writers had their turns");
                assertEquals(List.of("note"), names(turns, catalogs, a.workspace));
            } finally {
                release.countDown();
                threads.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_workspace_locked_by_another_process_is_concurrent_modification_after_the_write_wait(TestDatabase database)
            throws Exception {
        try (StoreFixture store = new StoreFixture(database)) {
            store.ports.unitOfWork().write(store.workspace, () -> null); // the workspace's lock row exists
            CountingDataSource counting = new CountingDataSource(database.dataSource());
            UnitOfWork otherProcess = new JdbcUnitOfWork(
                    StoreContext.open(counting, 10, Duration.ofSeconds(1), JdbcDatabase.DEFAULT_STATEMENT_TIMEOUT));
            ExecutorService threads = Executors.newSingleThreadExecutor();
            CountDownLatch release = new CountDownLatch(1);
            try {
                CountDownLatch holding = new CountDownLatch(1);
                Future<?> holder = threads.submit(() -> store.ports.unitOfWork().write(store.workspace, () -> {
                    holding.countDown();
                    return await(release);
                }));
                assertTrue(holding.await(1, TimeUnit.MINUTES));
                AtomicInteger ran = new AtomicInteger();
                counting.reset();
                ArchivistException refused = assertThrows(
                        ArchivistException.class, () -> otherProcess.write(store.workspace, ran::incrementAndGet));
                assertEquals(ErrorCode.CONCURRENT_MODIFICATION, refused.code());
                assertEquals(0, ran.get(), "the unit never ran: it waits for the lock first");
                assertTrue(
                        counting.roundTrips.get() <= 3,
                        "one attempt (isolation, lock, rollback), never run again: " + counting.roundTrips.get());
                assertNoDatabaseText(refused.getMessage());
                release.countDown();
                holder.get(1, TimeUnit.MINUTES);
                assertEquals(1, otherProcess.write(store.workspace, ran::incrementAndGet), "free again: it writes");
            } finally {
                release.countDown();
                threads.shutdownNow();
            }
        }
    }

    static void assertNoDatabaseText(String message) {
        for (String word : DATABASE_WORDS) {
            assertFalse(message.contains(word), "'" + word + "' in: " + message);
        }
    }

    private static List<String> names(UnitOfWork units, JdbcCatalogStore catalogs, WorkspaceId workspace) {
        return units.read(
                workspace,
                () -> catalogs.types(workspace).stream().map(ObjectType::name).toList());
    }

    private static HikariDataSource pool(TestDatabase database, int size) {
        database.database(); // migrated
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword("");
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls; the bound only turns a hang into a failure. */
    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(5);
        }
    }
}
