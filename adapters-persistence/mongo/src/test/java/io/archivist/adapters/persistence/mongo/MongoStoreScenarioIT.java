package io.archivist.adapters.persistence.mongo;

import static io.archivist.adapters.persistence.mongo.MongoFixture.ADMIN;
import static io.archivist.adapters.persistence.mongo.MongoFixture.WORKSPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.BulkCommand.Action;
import io.archivist.application.port.in.BulkResult;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.out.OperationLog;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationFilter;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/lifecycle.md through the services on the Mongo store: the cases where a store without transactions
 * could go wrong (a unit refused after it wrote, a cascade over a diamond, unique values freed and
 * re-claimed). The whole behaviour is the contract kit's; these pin the Mongo-specific mechanisms.
 */
class MongoStoreScenarioIT {

    @RegisterExtension
    static final InProcessMongo server = new InProcessMongo();

    private MongoFixture fx;

    @BeforeEach
    void open() {
        fx = new MongoFixture(server);
        fx.define("team", List.of(), "name");
        fx.define("project", List.of("team"));
        fx.define("task", List.of("project", "team"));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /**
     * Operations logged before the log kept its counts are counted when a store opens on them, from the
     * records that carry them, and then page as restorable (or not) like any other.
     */
    @Test
    void operations_logged_before_their_counts_are_counted_when_the_store_opens() {
        RecordId team = fx.create("team", Map.of("name", "Kept"));
        fx.create("project", Map.of(), team);
        RecordId gone = fx.create("team", Map.of("name", "Gone"));
        Operation held = fx.delete(team).operation().orElseThrow();
        Operation emptied = fx.delete(gone).operation().orElseThrow();
        fx.delete(gone);
        fx.database()
                .getCollection(MongoSchema.OPERATIONS)
                .updateMany(
                        com.mongodb.client.model.Filters.eq(MongoSchema.WORKSPACE, WORKSPACE.value()),
                        com.mongodb.client.model.Updates.combine(
                                com.mongodb.client.model.Updates.unset(MongoOperationLog.STILL_ARCHIVED),
                                com.mongodb.client.model.Updates.unset(MongoOperationLog.HOLDING)));
        assertEquals(
                List.of(),
                fx.store.operations().page(WORKSPACE, OperationFilter.restorableOnly(), Optional.empty(), 10),
                "as kept before");

        fx.restart();

        List<OperationLog.Logged> restorable =
                fx.store.operations().page(WORKSPACE, OperationFilter.restorableOnly(), Optional.empty(), 10);
        assertEquals(
                List.of(held.id()),
                restorable.stream().map(l -> l.operation().id()).toList());
        assertEquals(2, restorable.get(0).stillArchived());
        assertEquals(
                0,
                fx.store.operations().page(WORKSPACE, OperationFilter.all(), Optional.empty(), 10).stream()
                        .filter(l -> l.operation().id().equals(emptied.id()))
                        .findFirst()
                        .orElseThrow()
                        .stillArchived());
    }

    /** Records kept before the store wrote q's search text get it when a store opens on them, and q finds them. */
    @Test
    void records_without_a_search_text_get_one_when_the_store_opens() {
        RecordId team = fx.create("team", Map.of("name", "Needle Team"));
        RecordId other = fx.create("team", Map.of("name", "Hay"));
        fx.delete(other);
        fx.database()
                .getCollection(MongoSchema.RECORDS)
                .updateMany(
                        com.mongodb.client.model.Filters.in(MongoSchema.ID, List.of(team.toString(), other.toString())),
                        com.mongodb.client.model.Updates.unset(RecordFields.SEARCH));
        RecordFilter needle =
                RecordFilter.ofType("team", RecordFilter.ArchivedFilter.ANY).withText("needle");
        assertEquals(List.of(), fx.store.records().page(WORKSPACE, needle, Optional.empty(), 10), "as kept before");

        fx.restart();

        assertEquals(
                List.of(team),
                fx.store.records().page(WORKSPACE, needle, Optional.empty(), 10).stream()
                        .map(StoredRecord::id)
                        .toList());
        assertEquals(
                List.of(other),
                fx
                        .store
                        .records()
                        .page(
                                WORKSPACE,
                                RecordFilter.ofType("team", RecordFilter.ArchivedFilter.ARCHIVED)
                                        .withText("hay"),
                                Optional.empty(),
                                10)
                        .stream()
                        .map(StoredRecord::id)
                        .toList(),
                "an archived record too");
    }

    @Test
    void r1_archive_reaches_every_active_dependent_through_every_path() {
        RecordId team = fx.create("team", Map.of("name", "a"));
        RecordId project = fx.create("project", Map.of(), team);
        RecordId diamond = fx.create("task", Map.of(), project, team);
        LifecycleResult result = fx.delete(team);
        assertEquals(LifecycleResult.Outcome.ARCHIVED, result.outcome());
        Operation op = result.operation().orElseThrow();
        assertEquals(
                Map.of("team", 1L, "project", 1L, "task", 1L),
                op.countsPerType().asMap());
        for (RecordId id : List.of(team, project, diamond)) {
            StoredRecord record = fx.get(id);
            assertEquals(Optional.of(op.id()), record.archiveOperation());
            assertEquals(Optional.of(op.at()), record.deletedAt());
            assertEquals(2, record.version());
        }
    }

    @Test
    void r2_r5_restore_brings_back_only_what_was_archived_together() {
        RecordId team = fx.create("team", Map.of("name", "a"));
        RecordId early = fx.create("project", Map.of(), team);
        RecordId late = fx.create("project", Map.of(), team);
        Operation first = fx.delete(early).operation().orElseThrow();
        fx.delete(team);
        assertEquals(Optional.of(first.id()), fx.get(early).archiveOperation());

        LifecycleResult restored = fx.restore(team);
        assertEquals(
                Map.of("team", 1L, "project", 1L),
                restored.operation().orElseThrow().countsPerType().asMap());
        assertFalse(fx.get(team).archived());
        assertFalse(fx.get(late).archived());
        assertTrue(fx.get(early).archived());
    }

    @Test
    void r5_a_co_archived_dependent_with_another_archived_parent_stays_archived() {
        RecordId teamA = fx.create("team", Map.of("name", "a"));
        RecordId teamB = fx.create("team", Map.of("name", "b"));
        RecordId project = fx.create("project", Map.of(), teamA);
        RecordId shared = fx.create("task", Map.of(), project, teamB);
        fx.delete(teamB);
        RecordId sharedOp = fx.get(shared).archiveOperation().map(o -> teamB).orElseThrow();
        assertEquals(teamB, sharedOp);
        fx.delete(teamA);
        assertTrue(fx.get(project).archived());

        fx.restore(teamB);
        // teamB's operation archived the task; it comes back only if its other parents are active.
        assertTrue(fx.get(shared).archived(), "the task's parent project is still archived");
        LifecycleResult back = fx.restore(teamA);
        assertTrue(back.leftArchived().isEmpty());
        assertFalse(fx.get(project).archived());
        assertTrue(fx.get(shared).archived(), "teamA's operation did not archive the task");
    }

    @Test
    void r3_delete_twice_purges_the_subtree_and_the_log_keeps_ids_and_counts() {
        RecordId team = fx.create("team", Map.of("name", "a"));
        RecordId project = fx.create("project", Map.of(), team);
        fx.delete(team);
        LifecycleResult purged = fx.delete(team);
        assertEquals(LifecycleResult.Outcome.PURGED, purged.outcome());
        assertEquals(
                Map.of("team", 1L, "project", 1L),
                purged.operation().orElseThrow().countsPerType().asMap());
        assertTrue(fx.find(team).isEmpty());
        assertTrue(fx.find(project).isEmpty());
        assertEquals(0, fx.database().getCollection(MongoSchema.RECORDS).countDocuments());
        List<Operation> history = fx.store.operations().history(WORKSPACE, project);
        assertEquals(
                List.of(OperationKind.ARCHIVE, OperationKind.PURGE),
                history.stream().map(Operation::kind).toList());
    }

    @Test
    void r6_archiving_frees_a_unique_value_and_restoring_it_back_is_a_conflict() {
        RecordId first = fx.create("team", Map.of("name", "a"));
        ArchivistException taken = assertThrows(ArchivistException.class, () -> fx.create("team", Map.of("name", "a")));
        assertEquals(ErrorCode.UNIQUE_CONFLICT, taken.code());
        fx.delete(first);
        RecordId second = fx.create("team", Map.of("name", "a"));
        ArchivistException conflict = assertThrows(ArchivistException.class, () -> fx.restore(first));
        assertEquals(ErrorCode.UNIQUE_CONFLICT, conflict.code());
        assertEquals(second.toString(), conflict.details().get("holder"));
        assertTrue(fx.get(first).archived());
    }

    @Test
    void r8_an_atomic_bulk_delete_refused_after_its_purge_ran_changes_nothing() {
        RecordId self = fx.create("user", Map.of("username", "alice"));
        RecordId doomed = fx.create("team", Map.of("name", "doomed"));
        fx.delete(doomed);
        // The purge of the archived team runs first; the archive of alice's own user is then refused (R7).
        ArchivistException refused =
                assertThrows(ArchivistException.class, () -> fx.bulk(Action.DELETE, true, doomed, self));
        assertEquals(ErrorCode.CANNOT_ARCHIVE_SELF, refused.code());
        assertTrue(fx.get(doomed).archived(), "the purge was rolled back with the unit");
        assertFalse(fx.get(self).archived());
        assertEquals(0, fx.database().getCollection(MongoSchema.SHADOWS).countDocuments());
        assertEquals(1, fx.database().getCollection(MongoSchema.OPERATIONS).countDocuments(), "only the first archive");
    }

    @Test
    void r12_a_bulk_delete_that_is_not_atomic_purges_and_archives() {
        RecordId archived = fx.create("team", Map.of("name", "x"));
        RecordId active = fx.create("team", Map.of("name", "y"));
        fx.delete(archived);
        BulkResult result = fx.bulk(Action.DELETE, false, archived, active);
        assertEquals(
                List.of(BulkResult.Outcome.PURGED, BulkResult.Outcome.ARCHIVED),
                result.items().stream().map(BulkResult.Item::outcome).toList());
        assertTrue(fx.find(archived).isEmpty());
        assertTrue(fx.get(active).archived());
    }

    @Test
    void r6_making_an_attribute_unique_over_two_active_holders_changes_nothing() {
        fx.create("project", Map.of("code", "p1"), fx.create("team", Map.of("name", "a")));
        fx.create("project", Map.of("code", "p1"), fx.create("team", Map.of("name", "b")));
        ObjectType stricter = new ObjectType("project", true, List.of("team"), List.of("code"), Optional.empty());
        ArchivistException refused = assertThrows(ArchivistException.class, () -> fx.catalog.define(ADMIN, stricter));
        assertEquals(ErrorCode.UNIQUE_CONFLICT, refused.code());
        assertEquals(List.of(), fx.catalog.get(ADMIN, "project").unique(), "the type change was rolled back");
    }

    @Test
    void r9_r10_updates_check_the_version_and_refuse_archived_records() {
        RecordId team = fx.create("team", Map.of("name", "a"));
        StoredRecord before = fx.get(team);
        fx.store
                .records()
                .update(before.withAttributes(Map.of("name", "b"), "bob", before.updatedAt()), Map.of("name", "s:b"));
        ArchivistException stale = assertThrows(
                ArchivistException.class,
                () -> fx.store
                        .records()
                        .update(
                                before.withAttributes(Map.of("name", "c"), "bob", before.updatedAt()),
                                Map.of("name", "s:c")));
        assertEquals(ErrorCode.PRECONDITION_FAILED, stale.code());
        assertEquals(Optional.of(team), fx.store.records().activeHolder(WORKSPACE, "team", "name", "s:b"));
        assertTrue(fx.store
                .records()
                .activeHolder(WORKSPACE, "team", "name", "s:a")
                .isEmpty());
    }

    @Test
    void pages_are_keyset_in_id_order_and_filter_by_state() {
        RecordId team = fx.create("team", Map.of("name", "a"));
        List<RecordId> projects = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            projects.add(fx.create("project", Map.of("n", i), team));
        }
        fx.delete(projects.get(2));
        RecordFilter active =
                new RecordFilter(Optional.of("project"), RecordFilter.ArchivedFilter.ACTIVE, Optional.empty());
        List<StoredRecord> page1 = fx.store.records().page(WORKSPACE, active, Optional.empty(), 2);
        List<StoredRecord> page2 = fx.store
                .records()
                .page(
                        WORKSPACE,
                        active,
                        Optional.of(
                                io.archivist.domain.PagePosition.of(page1.get(1).id())),
                        2);
        assertEquals(
                List.of(projects.get(0), projects.get(1), projects.get(3), projects.get(4)),
                java.util.stream.Stream.concat(page1.stream(), page2.stream())
                        .map(StoredRecord::id)
                        .toList());
        RecordFilter archivedChildren =
                new RecordFilter(Optional.empty(), RecordFilter.ArchivedFilter.ARCHIVED, Optional.of(team));
        assertEquals(
                List.of(projects.get(2)),
                fx.store.records().page(WORKSPACE, archivedChildren, Optional.empty(), 10).stream()
                        .map(StoredRecord::id)
                        .toList());
    }

    @Test
    void attributes_keep_their_keys_and_values() {
        Map<String, Object> odd = Map.of(
                "a.b",
                1,
                "$where",
                "x",
                "100%",
                List.of(1L, 2.5, true),
                "nested",
                Map.of("c.d", new java.math.BigDecimal("1.10")));
        RecordId id = fx.create("team", odd);
        assertEquals(odd, fx.get(id).attributes());
    }
}
