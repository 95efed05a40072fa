package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.contract.StorePorts;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * R6 rests on the database, not on a check before the insert: writers that skip the unit of work
 * (and so its workspace lock) and insert at the same instant cannot both win. The losers get
 * UNIQUE_CONFLICT or DUPLICATE_KEY naming the winner, and nothing of theirs is stored.
 */
class DatabaseEnforcedUniqueIT {

    private static final ObjectType MEMBER =
            new ObjectType("member", true, List.of(), List.of("email"), Optional.empty());
    private static final int WRITERS = 8;
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void r6_of_concurrent_inserts_sharing_a_unique_value_exactly_one_wins(TestDatabase database) throws Exception {
        try (StoreFixture store = new StoreFixture(database)) {
            List<Outcome> outcomes = race(store, writer -> record(store, Optional.empty(), "ada@example.org"));
            assertOneWinner(store, outcomes, ErrorCode.UNIQUE_CONFLICT);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void r6_of_concurrent_inserts_with_one_key_exactly_one_wins(TestDatabase database) throws Exception {
        try (StoreFixture store = new StoreFixture(database)) {
            List<Outcome> outcomes =
                    race(store, writer -> record(store, Optional.of("ada"), "ada" + writer + "@example.org"));
            assertOneWinner(store, outcomes, ErrorCode.DUPLICATE_KEY);
        }
    }

    /** A restore re-claims values set-wise: racing an insert of the same value, one of the two loses. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void r6_a_restore_racing_an_insert_of_its_value_leaves_one_active_holder(TestDatabase database) throws Exception {
        try (StoreFixture store = new StoreFixture(database)) {
            StorePorts.Records records = store.ports.records();
            for (int round = 0; round < 5; round++) {
                String email = "round" + round + "@example.org";
                StoredRecord archived = record(store, Optional.empty(), email);
                records.insert(archived, UniqueValues.of(MEMBER, archived.attributes()));
                records.archive(Operation.begin(
                        OperationId.of(store.newId().value()),
                        store.workspace,
                        OperationKind.ARCHIVE,
                        "tester",
                        AT,
                        List.of(archived.id())));
                StoredRecord newcomer = record(store, Optional.empty(), email);
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Future<Boolean> restored = pool.submit(() -> wins(
                            start,
                            () -> records.restore(
                                    archived.id(),
                                    Operation.begin(
                                            OperationId.of(store.newId().value()),
                                            store.workspace,
                                            OperationKind.RESTORE,
                                            "tester",
                                            AT,
                                            List.of(archived.id())),
                                    0)));
                    Future<Boolean> inserted = pool.submit(() -> wins(start, () -> {
                        records.insert(newcomer, UniqueValues.of(MEMBER, newcomer.attributes()));
                        return null;
                    }));
                    start.countDown();
                    boolean restoreWon = restored.get(1, TimeUnit.MINUTES);
                    boolean insertWon = inserted.get(1, TimeUnit.MINUTES);
                    assertTrue(restoreWon != insertWon, "exactly one of restore and insert wins, round " + round);
                    assertEquals(
                            restoreWon,
                            !records.find(store.workspace, archived.id())
                                    .orElseThrow()
                                    .archived());
                    assertEquals(
                            insertWon,
                            records.find(store.workspace, newcomer.id()).isPresent());
                } finally {
                    pool.shutdownNow();
                }
            }
        }
    }

    private static boolean wins(CountDownLatch start, Callable<?> action) throws Exception {
        start.await();
        try {
            action.call();
            return true;
        } catch (ArchivistException refused) {
            assertEquals(ErrorCode.UNIQUE_CONFLICT, refused.code(), refused.getMessage());
            return false;
        }
    }

    private record Outcome(StoredRecord record, Optional<ArchivistException> refusal) {}

    private interface Writer {
        StoredRecord record(int writer);
    }

    /** All writers insert at once, each in a transaction of its own (no unit of work: no workspace lock). */
    private static List<Outcome> race(StoreFixture store, Writer writer) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                StoredRecord record = writer.record(w);
                running.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.ports.records().insert(record, UniqueValues.of(MEMBER, record.attributes()));
                        return new Outcome(record, Optional.empty());
                    } catch (ArchivistException refused) {
                        return new Outcome(record, Optional.of(refused));
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get(1, TimeUnit.MINUTES)); // bounds a hang, never times the work
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinner(StoreFixture store, List<Outcome> outcomes, ErrorCode losersGet) {
        List<Outcome> winners =
                outcomes.stream().filter(o -> o.refusal().isEmpty()).toList();
        assertEquals(1, winners.size(), "exactly one writer wins");
        RecordId winner = winners.get(0).record().id();
        for (Outcome loser : outcomes) {
            loser.refusal().ifPresent(refused -> {
                assertEquals(losersGet, refused.code(), refused.getMessage());
                assertEquals(winner.toString(), refused.details().get("holder"), "the refusal names the holder");
                assertTrue(
                        store.ports
                                .records()
                                .find(store.workspace, loser.record().id())
                                .isEmpty(),
                        "a loser leaves nothing behind");
            });
        }
        assertEquals(1, store.all().size());
    }

    private static StoredRecord record(StoreFixture store, Optional<String> key, String email) {
        return StoredRecord.create(
                store.newId(), store.workspace, MEMBER.name(), key, Map.of("email", email), List.of(), "tester", AT);
    }
}
