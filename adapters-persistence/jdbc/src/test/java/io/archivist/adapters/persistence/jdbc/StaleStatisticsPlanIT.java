package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.archivist.application.contract.StorePorts;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.application.port.in.OperationQuery;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.Role;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PostgreSQL plans each cascade statement from statistics that date from before the cascade: no
 * ANALYZE runs between an archive and the restore that follows it, and the tables' statistics still
 * say that no record is archived, that the operations have no rows. Whatever
 * they say, every statement of an archive, a restore and a purge must start from its set and reach
 * the other tables by key (PlanShapes): a plan that trusts them (a nested loop filtering a whole
 * range for each record of the set) is quadratic, and a 100,000-record restore never ended (P8).
 * The plans are asserted, not the time: each statement is explained just before it runs.
 */
// The cascades' test first: the page's test leaves an archive and its rows in the log, which would change the
// statistics the cascades' test plans from.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaleStatisticsPlanIT {

    private static final ObjectType ACCOUNT = new ObjectType("account", true, List.of(), List.of(), Optional.empty());
    private static final ObjectType PROJECT =
            new ObjectType("project", true, List.of("account"), List.of(), Optional.empty());
    private static final ObjectType TASK =
            new ObjectType("task", true, List.of("project"), List.of(), Optional.empty());
    private static final ObjectType ITEM =
            new ObjectType("item", true, List.of("task"), List.of("sku"), Optional.empty());
    private static final List<String> TABLES =
            List.of("records", "record_parents", "unique_values", "operation_records", "operations", "cascade_walk");
    /** Records per level below the account: the subtree has 1 + p + p·t + p·t·i records (default 3,221). */
    private static final int[] FAN_OUT = {20, 10, 15};

    @Test
    @Order(1)
    void archive_restore_and_purge_reach_every_table_by_key_whatever_stale_statistics_say() throws SQLException {
        TestDatabase database = TestDatabase.POSTGRESQL;
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        database.database(); // migrated
        JdbcDatabase db = StoreContext.open(counting, 10);
        int[] fanOut = fanOut();
        try (StoreFixture store = new StoreFixture(database, db)) {
            autovacuum(database, false);
            try {
                Set<String> faults = new LinkedHashSet<>();
                LifecycleService lifecycle = seed(store, fanOut);
                analyze(database); // the subtree is there, all of it active
                cascades(store, lifecycle, counting, faults, "statistics from before the archive");
                assertTrue(
                        faults.isEmpty(),
                        faults.size() + " statements of a cascade are not lookups by key from their" + " set:\n"
                                + String.join("\n", faults));
            } finally {
                autovacuum(database, true);
            }
        }
    }

    /**
     * A page of restorable operations names each operation's first roots: one lookup by key for each, never
     * the records the operation holds (the account's archive holds the whole subtree), whatever statistics
     * from before the archive say about them.
     */
    @Test
    @Order(2)
    void a_page_of_restorable_operations_finds_each_root_by_its_key_not_among_what_its_operation_holds()
            throws SQLException {
        TestDatabase database = TestDatabase.POSTGRESQL;
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        database.database(); // migrated
        JdbcDatabase db = StoreContext.open(counting, 10);
        try (StoreFixture store = new StoreFixture(database, db)) {
            autovacuum(database, false);
            try {
                LifecycleService lifecycle = seed(store, fanOut());
                analyze(database); // nothing archived yet, no operation
                lifecycle.delete(LifecycleCommand.of(admin(store), account(store)));
                List<String> faults = new ArrayList<>();
                List<String> explained = new ArrayList<>();
                counting.beforeExecute = prepared -> {
                    if (PlanShapes.explainable(prepared.sql())) {
                        JsonNode plan = PlanShapes.explain(prepared);
                        explained.add(prepared.sql());
                        PlanShapes.faults(plan).forEach(fault -> faults.add(fault + "\n" + PlanShapes.describe(plan)));
                    }
                };
                OperationLog.HoldingPage page;
                try {
                    page = store.ports
                            .unitOfWork()
                            .readLatest(
                                    store.workspace,
                                    () -> store.ports
                                            .operations()
                                            .holdingPage(
                                                    store.workspace,
                                                    OperationFilter.restorableOnly(),
                                                    Optional.empty(),
                                                    51,
                                                    OperationQuery.NAMED_ROOTS,
                                                    store.ports.reads()));
                } finally {
                    counting.beforeExecute = prepared -> {};
                }
                assertEquals(1, explained.size(), "one statement: " + explained);
                assertEquals(List.of(), faults, "in " + explained);
                assertEquals(
                        List.of(account(store)),
                        page.items().get(0).heldRoots().stream()
                                .map(StoredRecord::id)
                                .toList());
            } finally {
                autovacuum(database, true);
            }
        }
    }

    /** Archive, restore, archive again and purge the account; explains each statement just before it runs. */
    private static void cascades(
            StoreFixture store,
            LifecycleService lifecycle,
            CountingDataSource counting,
            Set<String> faults,
            String statistics) {
        LifecycleCommand onAccount = LifecycleCommand.of(admin(store), account(store));
        for (String action : List.of("archive", "restore", "purge")) {
            counting.beforeExecute = prepared -> {
                if (PlanShapes.explainable(prepared.sql())) {
                    JsonNode plan = PlanShapes.explain(prepared);
                    List<String> wrong = PlanShapes.faults(plan);
                    if (Boolean.getBoolean("archivist.test.show-plans") || !wrong.isEmpty()) {
                        System.out.printf(
                                "%s, %s: %s%n%s%s%n",
                                statistics,
                                action,
                                prepared.sql(),
                                PlanShapes.describe(plan),
                                String.join("\n", wrong));
                    }
                    wrong.forEach(fault ->
                            faults.add(action + " (" + statistics + "): " + fault + "\n    in " + prepared.sql()));
                }
            };
            long start = System.nanoTime();
            try {
                Outcome outcome = switch (action) {
                    case "archive" -> lifecycle.delete(onAccount).outcome();
                    case "restore" -> lifecycle.restore(onAccount).outcome();
                    default -> {
                        lifecycle.delete(onAccount);
                        yield lifecycle.delete(onAccount).outcome();
                    }
                };
                assertEquals(
                        Map.of("archive", Outcome.ARCHIVED, "restore", Outcome.RESTORED, "purge", Outcome.PURGED)
                                .get(action),
                        outcome);
            } finally {
                counting.beforeExecute = prepared -> {};
            }
            System.out.printf("%s: %s in %d ms%n", statistics, action, (System.nanoTime() - start) / 1_000_000);
        }
        assertEquals(0, store.all().size(), "R3: the whole subtree is gone");
    }

    private static Caller admin(StoreFixture store) {
        return Caller.user("admin", store.workspace, Set.of(Role.ADMIN));
    }

    private static io.archivist.domain.RecordId account(StoreFixture store) {
        return store.all().stream()
                .filter(r -> r.type().equals(ACCOUNT.name()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    /** The catalog and one account with its subtree, inserted in batches as an import does. */
    private static LifecycleService seed(StoreFixture store, int[] fanOut) {
        StorePorts ports = store.ports;
        write(store, () -> {
            for (ObjectType type : List.of(ACCOUNT, PROJECT, TASK, ITEM)) {
                ports.catalogs().save(store.workspace, type);
            }
            return null;
        });
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        List<RecordWithUniqueValues> all = new ArrayList<>();
        StoredRecord account = record(store, ACCOUNT, Map.of(), null, now);
        all.add(new RecordWithUniqueValues(account, Map.of()));
        List<StoredRecord> level = List.of(account);
        List<ObjectType> below = List.of(PROJECT, TASK, ITEM);
        int sku = 0;
        for (int depth = 0; depth < below.size(); depth++) {
            List<StoredRecord> next = new ArrayList<>();
            for (StoredRecord parent : level) {
                for (int i = 0; i < fanOut[depth]; i++) {
                    ObjectType type = below.get(depth);
                    Map<String, Object> attributes = type == ITEM ? Map.of("sku", "sku-" + sku++) : Map.of();
                    StoredRecord child = record(store, type, attributes, parent, now);
                    all.add(new RecordWithUniqueValues(child, UniqueValues.of(type, attributes)));
                    next.add(child);
                }
            }
            level = next;
        }
        for (int from = 0; from < all.size(); from += 1000) {
            List<RecordWithUniqueValues> part = all.subList(from, Math.min(all.size(), from + 1000));
            write(store, () -> {
                ports.records().insertAll(part);
                return null;
            });
        }
        return ports.lifecycleService(LifecyclePolicy.DEFAULT);
    }

    private static void write(StoreFixture store, Supplier<Object> work) {
        store.ports.unitOfWork().write(store.workspace, work::get);
    }

    private static StoredRecord record(
            StoreFixture store, ObjectType type, Map<String, Object> attributes, StoredRecord parent, Instant at) {
        return StoredRecord.create(
                store.newId(),
                store.workspace,
                type.name(),
                Optional.empty(),
                attributes,
                parent == null ? List.of() : List.of(parent.id()),
                "seed",
                at);
    }

    /** -Darchivist.test.stale-plans.fan-out=20,10,15 (records per level below the account). */
    private static int[] fanOut() {
        String given = System.getProperty("archivist.test.stale-plans.fan-out");
        if (given == null) {
            return FAN_OUT;
        }
        return java.util.Arrays.stream(given.split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
    }

    /** Fresh statistics of every table a cascade touches, which then stay as they are (see {@link #autovacuum}). */
    private static void analyze(TestDatabase database) throws SQLException {
        execute(database, TABLES.stream().map(table -> "ANALYZE " + table).toList());
    }

    /**
     * Stops (or lets again) autovacuum refreshing the statistics during the test. The database is
     * this checkout's (-Darchivist.test.database-name), so this reaches at most its other test runs.
     */
    private static void autovacuum(TestDatabase database, boolean on) throws SQLException {
        execute(
                database,
                TABLES.stream()
                        .map(table -> on
                                ? "ALTER TABLE " + table + " RESET (autovacuum_enabled)"
                                : "ALTER TABLE " + table + " SET (autovacuum_enabled = false)")
                        .toList());
    }

    private static void execute(TestDatabase database, List<String> statements) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
