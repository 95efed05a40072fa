package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.archivist.domain.CascadeSet;
import io.archivist.domain.LeftArchived;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.RestorePlan;
import io.archivist.domain.StoredRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Holds a store's archive, restore and purge to the domain's {@link io.archivist.domain.CascadePlanner}
 * run over the state before: exactly the planned records changed, exactly as the rule says, the
 * operation counts them, and every other record is as it was, field for field.
 */
public final class PlannerOracle {

    private PlannerOracle() {}

    /** R1, R2: the planned set is archived by {@code operation} at its time; nothing else changed. */
    public static void archived(
            WorkspaceSnapshot before, WorkspaceSnapshot after, Operation operation, CascadeSet plan) {
        assertEquals(OperationKind.ARCHIVE, operation.kind());
        assertEquals(plan.countsPerType(), operation.countsPerType(), "archive counts per type");
        for (RecordId id : plan.ids()) {
            StoredRecord was = before.get(id);
            StoredRecord now = after.get(id);
            assertEquals(Optional.of(operation.at()), now.deletedAt(), "deleted_at of " + id);
            assertEquals(Optional.of(operation.id()), now.archiveOperation(), "archive_operation of " + id);
            assertEquals(operation.actor(), now.updatedBy(), "updated_by of " + id);
            assertEquals(was.version() + 1, now.version(), "version of " + id);
            assertSameContent(was, now);
        }
        othersUnchanged(before, after, plan.ids());
        assertEquals(before.records().keySet(), after.records().keySet(), "an archive removes nothing");
    }

    /** R5: the planned set is active again; what the plan leaves archived, and everything else, is unchanged. */
    public static void restored(
            WorkspaceSnapshot before, WorkspaceSnapshot after, Operation operation, RestorePlan plan) {
        assertEquals(OperationKind.RESTORE, operation.kind());
        assertEquals(plan.restored().countsPerType(), operation.countsPerType(), "restore counts per type");
        for (RecordId id : plan.restored().ids()) {
            StoredRecord was = before.get(id);
            StoredRecord now = after.get(id);
            assertTrue(now.deletedAt().isEmpty() && now.archiveOperation().isEmpty(), id + " is active again");
            assertEquals(was.version() + 1, now.version(), "version of " + id);
            assertSameContent(was, now);
        }
        othersUnchanged(before, after, plan.restored().ids());
        assertEquals(before.records().keySet(), after.records().keySet(), "a restore removes nothing");
    }

    /** R3, R4: the planned set is gone; every other record is as it was. */
    public static void purged(WorkspaceSnapshot before, WorkspaceSnapshot after, Operation operation, CascadeSet plan) {
        assertEquals(OperationKind.PURGE, operation.kind());
        assertEquals(plan.countsPerType(), operation.countsPerType(), "purge counts per type");
        for (RecordId id : plan.ids()) {
            if (after.find(id).isPresent()) {
                fail("purged record " + id + " is still stored");
            }
        }
        othersUnchanged(before, after, plan.ids());
        assertEquals(before.records().size() - plan.size(), after.records().size(), "a purge removes its set only");
    }

    /**
     * R5's left-archived records as a comparable value: a store may list them, and each one's
     * archived parents, in any order.
     */
    public static List<LeftArchived> normalized(List<LeftArchived> left) {
        return left.stream()
                .map(l -> new LeftArchived(
                        l.id(), l.type(), l.archivedParents().stream().sorted().toList()))
                .sorted(Comparator.comparing(LeftArchived::id))
                .toList();
    }

    public static void unchanged(WorkspaceSnapshot before, WorkspaceSnapshot after) {
        assertEquals(before.records(), after.records(), "nothing changed");
    }

    private static void othersUnchanged(WorkspaceSnapshot before, WorkspaceSnapshot after, Set<RecordId> changed) {
        for (Map.Entry<RecordId, StoredRecord> entry : before.records().entrySet()) {
            if (!changed.contains(entry.getKey())) {
                assertEquals(
                        entry.getValue(),
                        after.records().get(entry.getKey()),
                        "record " + entry.getKey() + " is outside the cascade and must not change");
            }
        }
    }

    private static void assertSameContent(StoredRecord was, StoredRecord now) {
        assertEquals(was.attributes(), now.attributes(), "attributes of " + was.id());
        assertEquals(was.parents(), now.parents(), "parents of " + was.id());
        assertEquals(was.key(), now.key(), "key of " + was.id());
        assertEquals(was.createdAt(), now.createdAt(), "created_at of " + was.id());
    }
}
