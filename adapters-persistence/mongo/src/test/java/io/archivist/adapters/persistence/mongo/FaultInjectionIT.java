package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoFixture.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.out.seed.SeedBatches.RecordWithUniqueValues;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * QUALITY "injected faults": the process is killed between two commands of a request (after k of
 * its n commands, for every k), then the store restarts. Start-up recovery rolls back a unit that had
 * not reached its commit point and finishes one that had: afterwards the workspace is exactly as
 * before the request or exactly as after it (after it iff the commit point was sent), the lease is
 * free, no before-image is left, I1-I4 hold, nothing is lost and nothing is logged twice.
 */
class FaultInjectionIT {

    private static final MongoStoreSettings SETTINGS =
            MongoStoreSettings.defaults("unused").withNodeId("node-1");

    @RegisterExtension
    static final InProcessMongo server = new InProcessMongo();

    enum Request {
        ARCHIVE,
        RESTORE,
        PURGE,
        ATOMIC_BULK_DELETE
    }

    /** What a run left: each record's state, the operations logged, and the commands the request sent. */
    record Outcome(
            Map<RecordId, String> states,
            Map<String, Long> loggedKinds,
            long purgedRemembered,
            List<CrashAfter.Sent> sent) {}

    @ParameterizedTest
    @EnumSource(Request.class)
    void r8_a_request_killed_after_any_of_its_commands_is_undone_or_finished_by_recovery(Request request)
            throws IOException {
        Outcome untouched = run(request, 0);
        Outcome completed = run(request, Integer.MAX_VALUE);
        List<CrashAfter.Sent> sent = completed.sent();
        int commit = commitIndex(sent);
        assertTrue(commit > 0, "a commit point among " + sent);
        for (int k = 1; k < sent.size(); k++) {
            Outcome crashed = run(request, k);
            boolean committed = k > commit;
            assertEquals(
                    committed ? completed.states() : untouched.states(),
                    crashed.states(),
                    request + " killed after " + k + " of " + sent.size() + " commands (commit is command "
                            + (commit + 1) + ")");
            assertEquals(
                    committed ? completed.loggedKinds() : untouched.loggedKinds(),
                    crashed.loggedKinds(),
                    "operations logged after " + k);
            assertEquals(
                    committed ? completed.purgedRemembered() : untouched.purgedRemembered(),
                    crashed.purgedRemembered());
        }
        System.out.println(request + ": " + sent.size() + " commands, commit point at command " + (commit + 1));
    }

    @Test
    void r8_an_archive_half_applied_when_the_process_died_is_rolled_back_whole() throws IOException {
        try (MongoFixture fx = new MongoFixture(server, SETTINGS)) {
            Tree tree = Tree.insert(fx);
            Map<RecordId, StoredRecord> before = Graphs.snapshot(fx.store.records(), WORKSPACE);
            Outcome completed = run(Request.ARCHIVE, Integer.MAX_VALUE);
            int afterShadow = indexOf(completed.sent(), "aggregate", MongoSchema.RECORDS, "$merge") + 1;
            crash(fx, Request.ARCHIVE, tree, afterShadow);
            // The updateMany was under way when the process died: half of the subtree got it.
            MongoCollection<Document> records = fx.database().getCollection(MongoSchema.RECORDS);
            String unit = fx.database()
                    .getCollection(MongoSchema.UNITS)
                    .find()
                    .first()
                    .getString("unit");
            List<String> half = tree.all.subList(0, tree.all.size() / 2).stream()
                    .map(RecordId::toString)
                    .toList();
            records.updateMany(
                    Filters.in("_id", half),
                    Updates.combine(
                            Updates.set("archived", true),
                            Updates.set("deletedAt", new java.util.Date()),
                            Updates.set("archiveOperation", UUID.randomUUID().toString()),
                            Updates.inc("version", 1L),
                            Updates.rename("claims", "idleClaims"),
                            Updates.rename("idleSlot", "slot"),
                            Updates.set("unit", unit)));
            fx.open(fx.client());
            assertEquals(before, Graphs.snapshot(fx.store.records(), WORKSPACE));
            assertClean(fx);
        }
    }

    @Test
    void r8_a_unit_abandoned_by_another_process_is_recovered_by_the_first_reader_once_its_lease_expired()
            throws IOException {
        MongoStoreSettings anonymous = MongoStoreSettings.defaults("unused");
        try (MongoFixture fx = new MongoFixture(server, anonymous)) {
            Tree tree = Tree.insert(fx);
            Map<RecordId, StoredRecord> before = Graphs.snapshot(fx.store.records(), WORKSPACE);
            crash(fx, Request.ARCHIVE, tree, 5);
            SteppingClock clock = new SteppingClock();
            fx.open(fx.client(), anonymous.withReadWait(java.time.Duration.ZERO), clock);
            // Another process's unit, lease not yet expired: start-up recovery leaves it, a reader may not pass.
            assertEquals(
                    "running",
                    fx.database()
                            .getCollection(MongoSchema.UNITS)
                            .find()
                            .first()
                            .getString("state"));
            assertEquals(
                    io.archivist.domain.ErrorCode.CONCURRENT_MODIFICATION,
                    org.junit.jupiter.api.Assertions.assertThrows(
                                    io.archivist.domain.ArchivistException.class,
                                    () -> fx.records.get(MongoFixture.ADMIN, tree.teamA))
                            .code());
            clock.advance(anonymous.lease().plusSeconds(1));
            assertEquals(
                    before.get(tree.teamA),
                    fx.records.get(MongoFixture.ADMIN, tree.teamA).record());
            assertClean(fx);
            assertEquals(before, Graphs.snapshot(fx.store.records(), WORKSPACE));
        }
    }

    /** A clock that only moves when told to. */
    static final class SteppingClock extends java.time.Clock {
        private volatile Instant now = Instant.now();

        void advance(java.time.Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** One run in a fresh database: set up, run the request through a process killed after k commands, restart. */
    private static Outcome run(Request request, int k) throws IOException {
        try (MongoFixture fx = new MongoFixture(server, SETTINGS)) {
            Tree tree = Tree.insert(fx);
            switch (request) {
                case RESTORE, PURGE, ATOMIC_BULK_DELETE -> fx.delete(tree.teamA);
                default -> {}
            }
            List<CrashAfter.Sent> sent = crash(fx, request, tree, k);
            fx.open(fx.client());
            assertClean(fx);
            Map<RecordId, StoredRecord> after = Graphs.snapshot(fx.store.records(), WORKSPACE);
            Graphs.assertInvariants(after);
            MongoCollection<Document> purged = fx.database().getCollection(MongoSchema.PURGED);
            assertEquals(
                    tree.all.size(),
                    after.size() + purged.countDocuments(),
                    "I4: every record active, archived or purged");
            Map<RecordId, String> states = new TreeMap<>();
            tree.all.forEach(id -> states.put(
                    id,
                    Optional.ofNullable(after.get(id))
                            .map(r -> (r.archived() ? "archived v" : "active v") + r.version())
                            .orElse("purged")));
            Map<String, Long> kinds =
                    fx.database().getCollection(MongoSchema.OPERATIONS).find().into(new ArrayList<>()).stream()
                            .collect(Collectors.groupingBy(
                                    d -> d.getString("kind"), TreeMap::new, Collectors.counting()));
            return new Outcome(states, kinds, purged.countDocuments(), sent);
        }
    }

    /** Runs {@code request} through a store behind a proxy that dies after k commands of this thread. */
    private static List<CrashAfter.Sent> crash(MongoFixture fx, Request request, Tree tree, int k) throws IOException {
        fx.store.close();
        CrashAfter crash = new CrashAfter();
        try (KillSwitchProxy proxy = new KillSwitchProxy(server.address());
                MongoClient client = InProcessMongo.client(proxy.uri(), 300, crash)) {
            awaitConnected(client);
            MongoStore dying = fx.open(client);
            crash.arm(proxy, k);
            try {
                switch (request) {
                    case ARCHIVE, PURGE -> fx.delete(tree.teamA);
                    case RESTORE -> fx.restore(tree.teamA);
                    case ATOMIC_BULK_DELETE -> fx.bulk(Action.DELETE, true, tree.teamA, tree.teamB);
                }
            } catch (RuntimeException killed) {
                // the process died mid-request; what it left is recovery's business
            } finally {
                crash.disarm();
                dying.close();
            }
        }
        return crash.sent();
    }

    /**
     * The short timeout lets the dying client give up fast once the proxy is killed; on a loaded
     * machine the first connection through the proxy can take longer than that, so wait for it
     * before the store opens (the crash is not armed yet, so these pings are not counted).
     */
    private static void awaitConnected(MongoClient client) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                client.getDatabase("admin").runCommand(new Document("ping", 1));
                return;
            } catch (com.mongodb.MongoTimeoutException slow) {
                if (System.nanoTime() > deadline) {
                    throw slow;
                }
            }
        }
    }

    private static void assertClean(MongoFixture fx) {
        for (Document lease : fx.database().getCollection(MongoSchema.UNITS).find()) {
            assertEquals("idle", lease.getString("state"), lease.toJson());
        }
        assertEquals(0, fx.database().getCollection(MongoSchema.SHADOWS).countDocuments(), "no before-image left");
    }

    /** The command that makes the unit's outcome final: the committed state, or the release of a unit without before-images. */
    private static int commitIndex(List<CrashAfter.Sent> sent) {
        int committed = indexOf(sent, "update", MongoSchema.UNITS, "\"committed\"");
        return committed >= 0 ? committed : indexOf(sent, "update", MongoSchema.UNITS, "\"$inc\"");
    }

    private static int indexOf(List<CrashAfter.Sent> sent, String name, String collection, String text) {
        for (int i = 0; i < sent.size(); i++) {
            CrashAfter.Sent command = sent.get(i);
            if (command.name().equals(name)
                    && command.collection().equals(collection)
                    && command.text().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** Two teams with projects and tasks (tasks also depend on their team: diamonds), with fixed ids. */
    record Tree(RecordId teamA, RecordId teamB, List<RecordId> all) {

        static Tree insert(MongoFixture fx) {
            fx.define("team", List.of(), "name");
            fx.define("project", List.of("team"));
            fx.define("task", List.of("project", "team"));
            Random random = new Random(7);
            Instant at = Instant.parse("2026-01-01T00:00:00Z").truncatedTo(ChronoUnit.MILLIS);
            List<RecordWithUniqueValues> batch = new ArrayList<>();
            List<RecordId> teams = new ArrayList<>();
            for (int team = 0; team < 2; team++) {
                RecordId teamId = id(random);
                teams.add(teamId);
                batch.add(new RecordWithUniqueValues(
                        StoredRecord.create(
                                teamId,
                                WORKSPACE,
                                "team",
                                Optional.empty(),
                                Map.of("name", "team" + team),
                                List.of(),
                                "seed",
                                at),
                        Map.of("name", "s:team" + team)));
                for (int p = 0; p < 3 - team; p++) {
                    RecordId project = id(random);
                    batch.add(new RecordWithUniqueValues(
                            StoredRecord.create(
                                    project,
                                    WORKSPACE,
                                    "project",
                                    Optional.empty(),
                                    Map.of(),
                                    List.of(teamId),
                                    "seed",
                                    at),
                            Map.of()));
                    for (int t = 0; t < 2; t++) {
                        batch.add(new RecordWithUniqueValues(
                                StoredRecord.create(
                                        id(random),
                                        WORKSPACE,
                                        "task",
                                        Optional.empty(),
                                        Map.of(),
                                        List.of(project, teamId),
                                        "seed",
                                        at),
                                Map.of()));
                    }
                }
            }
            fx.store.unitOfWork().write(WORKSPACE, () -> {
                fx.store.seedBatches().insertAll(batch);
                return null;
            });
            return new Tree(
                    teams.get(0),
                    teams.get(1),
                    batch.stream().map(item -> item.record().id()).toList());
        }

        private static RecordId id(Random random) {
            return RecordId.of(new UUID(random.nextLong(), random.nextLong()));
        }
    }
}
