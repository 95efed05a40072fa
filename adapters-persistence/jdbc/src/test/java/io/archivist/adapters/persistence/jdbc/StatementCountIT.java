package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.contract.StorePorts;
import io.archivist.application.contract.TypeSeeds;
import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.application.service.BulkLifecycleService;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.application.service.RecordService;
import io.archivist.application.service.seed.SeedImportService;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.Retention;
import io.archivist.domain.Role;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/architecture.md, "set-oriented": an archive, a restore and a purge of a 10-record subtree and of a
 * 10,000-record subtree (same depth) make the same number of round trips, and read a handful of
 * rows, never the subtree: its records never enter the JVM. Counted at the JDBC boundary over the
 * whole unit of work of the use case (lock, reads, checks, cascade, operation log, commit).
 */
class StatementCountIT {

    private static final ObjectType ACCOUNT = new ObjectType("account", true, List.of(), List.of(), Optional.empty());
    private static final ObjectType PROJECT =
            new ObjectType("project", true, List.of("account"), List.of(), Optional.empty());
    private static final ObjectType ITEM =
            new ObjectType("item", true, List.of("project"), List.of("sku"), Optional.empty());
    /** A use case reads a few rows (the root, the catalog, counts per type); never one per record of the subtree. */
    private static final long MAX_ROWS_READ = 25;

    record Measured(long roundTrips, long rowsRead) {
        @Override
        public String toString() {
            return roundTrips + " round trips reading " + rowsRead + " rows";
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void cascades_issue_as_many_statements_for_10_records_as_for_10000(TestDatabase database) {
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        JdbcDatabase db = openCounted(database, counting);
        Map<String, Measured> small = measure(database, db, counting, 3, 2);
        Map<String, Measured> large = measure(database, db, counting, 99, 100);
        System.out.printf("%s, per use case, 10 records: %s; 10,000 records: %s%n", database, small, large);
        for (String action : small.keySet()) {
            assertEquals(
                    small.get(action).roundTrips(),
                    large.get(action).roundTrips(),
                    action + ": the statements of a cascade do not grow with its records");
            assertTrue(
                    large.get(action).rowsRead() <= MAX_ROWS_READ,
                    action + " read " + large.get(action).rowsRead() + " rows: the subtree came into the JVM");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_point_read_of_an_active_record_is_one_statement_with_no_transaction_around_it(TestDatabase database) {
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        JdbcDatabase db = openCounted(database, counting);
        try (StoreFixture store = new StoreFixture(database, db)) {
            ObjectType kept = new ObjectType(
                    "kept", true, List.of(), List.of(), Optional.of(new Retention("P30D")), Optional.of("title"));
            store.ports.unitOfWork().write(store.workspace, () -> {
                store.ports.catalogs().save(store.workspace, kept);
                return null;
            });
            StoredRecord record = store.create(kept, Map.of("title", "one"));
            RecordService records = store.ports.recordService();
            Caller member = Caller.user("reader", store.workspace, Set.of(Role.MEMBER));

            counting.reset();
            assertEquals("one", records.get(member, record.id()).title());
            assertEquals(
                    2,
                    counting.roundTrips.get(),
                    "the first read in a workspace: the record with its catalog version, then the catalog");
            counting.reset();
            assertEquals("one", records.get(member, record.id()).title());
            assertEquals(
                    1,
                    counting.roundTrips.get(),
                    "the record's SELECT alone, with its catalog's version: no snapshot to set up, nothing to end");

            LifecycleService lifecycle = store.ports.lifecycleService(LifecyclePolicy.DEFAULT);
            lifecycle.archive(
                    LifecycleCommand.of(Caller.user("admin", store.workspace, Set.of(Role.ADMIN)), record.id()));
            counting.reset();
            assertTrue(
                    records.get(member, record.id()).purgeAfter().isPresent(),
                    "R11: an archived record shows purge_after");
            assertEquals(
                    1,
                    counting.roundTrips.get(),
                    "an archived record's retention comes from the catalog held at its version");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_page_is_one_statement_while_the_catalog_is_cached_and_an_empty_one_reads_the_catalog_version(
            TestDatabase database) {
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        JdbcDatabase db = openCounted(database, counting);
        try (StoreFixture store = new StoreFixture(database, db)) {
            ObjectType kept = new ObjectType(
                    "kept", true, List.of(), List.of(), Optional.of(new Retention("P30D")), Optional.of("title"));
            store.ports.unitOfWork().write(store.workspace, () -> {
                store.ports.catalogs().save(store.workspace, kept);
                return null;
            });
            StoredRecord first = store.create(kept, Map.of("title", "one"));
            store.create(kept, Map.of("title", "two"));
            RecordService records = store.ports.recordService();
            Caller member = Caller.user("reader", store.workspace, Set.of(Role.MEMBER));
            RecordFilter active = RecordFilter.ofType("kept", RecordFilter.ArchivedFilter.ACTIVE);

            counting.reset();
            assertEquals(
                    List.of("one", "two"),
                    records.list(member, active, 10, Optional.empty()).items().stream()
                            .map(RecordView::title)
                            .toList());
            assertEquals(
                    2,
                    counting.roundTrips.get(),
                    "the first page in a workspace: the page with its catalog version, then the catalog (titles)");
            counting.reset();
            assertEquals(
                    2,
                    records.list(member, active, 10, Optional.empty()).items().size());
            assertEquals(
                    1,
                    counting.roundTrips.get(),
                    "the page's SELECT alone, with its catalog version: the catalog held at it names the records");

            RecordFilter unknown = RecordFilter.ofType("nothing", RecordFilter.ArchivedFilter.ACTIVE);
            assertThrows(ArchivistException.class, () -> records.list(member, unknown, 10, Optional.empty()));
            counting.reset(); // the catalog is cached now: what follows reads only its version
            assertThrows(ArchivistException.class, () -> records.list(member, unknown, 10, Optional.empty()));
            assertEquals(2, counting.roundTrips.get(), "an empty page reads the catalog, to tell an unknown type");

            store.ports
                    .lifecycleService(LifecyclePolicy.DEFAULT)
                    .archive(
                            LifecycleCommand.of(Caller.user("admin", store.workspace, Set.of(Role.ADMIN)), first.id()));
            counting.reset();
            RecordFilter any = RecordFilter.ofType("kept", RecordFilter.ArchivedFilter.ANY);
            assertTrue(
                    records.list(member, any, 10, Optional.empty()).items().stream()
                            .anyMatch(view -> view.purgeAfter().isPresent()),
                    "R11: an archived record on a page shows purge_after");
            assertEquals(
                    1, counting.roundTrips.get(), "an archived record's retention comes from the catalog held too");
        }
    }

    /** Issue 12: a seed's types are one batch with one catalog version, so 1,000 take the statements 100 take. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_seed_of_1000_types_takes_as_many_statements_as_one_of_100(TestDatabase database) {
        CountingDataSource counting = new CountingDataSource(database.dataSource());
        JdbcDatabase db = openCounted(database, counting);
        long small = seedOfTypes(database, db, counting, 100);
        long large = seedOfTypes(database, db, counting, 1_000);
        System.out.printf("%s, a seed of 100 types: %d round trips; of 1,000 types: %d%n", database, small, large);
        assertEquals(small, large, "the statements of a seed's types do not grow with their number");
    }

    private static long seedOfTypes(TestDatabase database, JdbcDatabase db, CountingDataSource counting, int types) {
        try (StoreFixture store = new StoreFixture(database, db)) {
            SeedImportService seeds =
                    store.ports.seedImportService(TypeSeeds.reader(TypeSeeds.types(store.workspace, types)), types);
            counting.reset();
            assertEquals(
                    types, seeds.importSeed(TypeSeeds.command()).objectTypes().created());
            long roundTrips = counting.roundTrips.get();
            assertEquals(types, store.ports.catalogs().types(store.workspace).size());
            return roundTrips;
        }
    }

    /** The store's database, migrated, with every statement going through {@code counting}. */
    private static JdbcDatabase openCounted(TestDatabase database, CountingDataSource counting) {
        database.database(); // migrated
        return StoreContext.open(counting, 10);
    }

    /** Builds account → projects → items (items × projects + projects + 1 records), then times each use case. */
    private static Map<String, Measured> measure(
            TestDatabase database, JdbcDatabase db, CountingDataSource counting, int projects, int itemsPerProject) {
        try (StoreFixture store = new StoreFixture(database, db)) {
            StorePorts ports = store.ports;
            for (ObjectType type : List.of(ACCOUNT, PROJECT, ITEM)) {
                ports.unitOfWork().write(store.workspace, () -> {
                    ports.catalogs().save(store.workspace, type);
                    return null;
                });
            }
            Instant now = Instant.parse("2026-11-23T10:00:00Z");
            StoredRecord account = record(store, ACCOUNT, Map.of(), List.of(), now);
            List<RecordWithUniqueValues> batch = new ArrayList<>();
            batch.add(new RecordWithUniqueValues(account, Map.of()));
            int sku = 0;
            for (int p = 0; p < projects; p++) {
                StoredRecord project = record(store, PROJECT, Map.of(), List.of(account.id()), now);
                batch.add(new RecordWithUniqueValues(project, Map.of()));
                for (int i = 0; i < itemsPerProject; i++) {
                    Map<String, Object> attributes = Map.of("sku", "sku-" + sku++);
                    StoredRecord item = record(store, ITEM, attributes, List.of(project.id()), now);
                    batch.add(new RecordWithUniqueValues(item, UniqueValues.of(ITEM, attributes)));
                }
            }
            for (int from = 0; from < batch.size(); from += 1000) {
                List<RecordWithUniqueValues> part = batch.subList(from, Math.min(batch.size(), from + 1000));
                ports.unitOfWork().write(store.workspace, () -> {
                    ports.seedBatches().insertAll(part);
                    return null;
                });
            }
            assertEquals(1 + projects + projects * itemsPerProject, store.all().size());
            LifecycleService lifecycle = ports.lifecycleService(LifecyclePolicy.DEFAULT);
            Caller admin = Caller.user("admin", store.workspace, Set.of(Role.ADMIN));
            LifecycleCommand onAccount = LifecycleCommand.of(admin, account.id());
            Map<String, Measured> measured = new LinkedHashMap<>();
            counting.reset();
            assertEquals(Outcome.ARCHIVED, lifecycle.delete(onAccount).outcome());
            measured.put("archive", new Measured(counting.roundTrips.get(), counting.rowsRead.get()));
            counting.reset();
            assertEquals(Outcome.RESTORED, lifecycle.restore(onAccount).outcome());
            measured.put("restore", new Measured(counting.roundTrips.get(), counting.rowsRead.get()));
            lifecycle.delete(onAccount);
            BulkLifecycleService bulk = ports.bulkLifecycleService(LifecyclePolicy.DEFAULT);
            counting.reset();
            assertEquals(
                    BulkResult.Outcome.RESTORED,
                    bulk.bulk(new BulkCommand(admin, BulkCommand.Action.RESTORE, List.of(account.id()), false))
                            .items()
                            .get(0)
                            .outcome());
            measured.put("bulk restore", new Measured(counting.roundTrips.get(), counting.rowsRead.get()));
            lifecycle.delete(onAccount);
            counting.reset();
            assertEquals(Outcome.PURGED, lifecycle.delete(onAccount).outcome());
            measured.put("purge", new Measured(counting.roundTrips.get(), counting.rowsRead.get()));
            assertEquals(0, store.all().size(), "R3: the whole subtree is gone");
            return measured;
        }
    }

    private static StoredRecord record(
            StoreFixture store, ObjectType type, Map<String, Object> attributes, List<RecordId> parents, Instant at) {
        return StoredRecord.create(
                store.newId(), store.workspace, type.name(), Optional.empty(), attributes, parents, "seed", at);
    }
}
