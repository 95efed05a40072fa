package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoFixture.ADMIN;
import static io.archivist.adapters.persistence.mongo.MongoFixture.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationId;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a reader observes while a unit is half applied: nothing of it. The documents in the database
 * are half-way (the test sees them through the raw driver), yet a read through the unit of work waits
 * for the unit to end, and then sees all of it (commit) or none of it (rollback); it never returns a
 * state in which I1 fails. Latches order the threads; the only wait is the reader's configured bound.
 */
class ReadIsolationIT {

    @RegisterExtension
    static final InProcessMongo server = new InProcessMongo();

    private MongoFixture fx;
    private RecordId team;
    private RecordId project;

    @BeforeEach
    void open() {
        fx = new MongoFixture(server, MongoStoreSettings.defaults("unused").withReadWait(Duration.ofMillis(300)));
        fx.define("team", List.of(), "name");
        fx.define("project", List.of("team"));
        team = fx.create("team", Map.of("name", "a"));
        project = fx.create("project", Map.of(), team);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void r8_a_reader_never_sees_an_archive_under_way_and_then_sees_all_of_it() throws Exception {
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> writer =
                CompletableFuture.runAsync(() -> fx.store.unitOfWork().write(WORKSPACE, () -> {
                    fx.store.cascades().archive(archive(team));
                    applied.countDown();
                    await(finish);
                    return null;
                }));
        await(applied);

        Document raw = fx.database()
                .getCollection(MongoSchema.RECORDS)
                .find(new Document("_id", team.toString()))
                .first();
        assertTrue(raw.getBoolean("archived"), "the database already holds the half-way state");
        ArchivistException waited = assertThrows(ArchivistException.class, () -> fx.records.get(ADMIN, team));
        assertEquals(ErrorCode.CONCURRENT_MODIFICATION, waited.code(), "the reader waited for the unit, in vain");

        finish.countDown();
        writer.get(1, TimeUnit.MINUTES);
        assertTrue(fx.records.get(ADMIN, team).record().archived());
        assertTrue(fx.records.get(ADMIN, project).record().archived());
    }

    @Test
    void r8_a_reader_never_sees_an_archive_that_is_then_rolled_back() throws Exception {
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> writer =
                CompletableFuture.runAsync(() -> fx.store.unitOfWork().write(WORKSPACE, () -> {
                    fx.store.cascades().archive(archive(team));
                    applied.countDown();
                    await(finish);
                    throw new IllegalStateException("the unit fails after its cascade");
                }));
        await(applied);
        assertThrows(ArchivistException.class, () -> fx.records.get(ADMIN, project));

        finish.countDown();
        assertThrows(Exception.class, () -> writer.get(1, TimeUnit.MINUTES));
        assertFalse(fx.records.get(ADMIN, team).record().archived());
        assertFalse(fx.records.get(ADMIN, project).record().archived());
        assertEquals(1, fx.get(team).version());
    }

    private static Operation archive(RecordId root) {
        return Operation.begin(
                OperationId.of(UUID.randomUUID()),
                WORKSPACE,
                OperationKind.ARCHIVE,
                "alice",
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                List.of(root));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new AssertionError("the other thread never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
