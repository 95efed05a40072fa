package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.domain.CascadeSet;
import io.archivist.domain.NamedRecord;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.Preview;
import io.archivist.domain.Preview.AlsoDestroyed;
import io.archivist.domain.RecordId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * R13's names: beside the counts a preview names the first records of each type (id order, at most
 * {@link Preview#NAMED_PER_TYPE} each), and a purge preview lists the other archive operations whose records
 * it would destroy too. Held to the planner's sets on every store.
 */
public interface NamedPreviewContract extends StoreContractSupport {

    @Test
    default void r13_an_archive_preview_names_the_first_records_of_each_type_beside_the_counts() {
        Tree tree = tree();
        for (int i = 0; i < Preview.NAMED_PER_TYPE + 5; i++) {
            comment(tree.task());
        }
        WorkspaceSnapshot before = snapshot();
        CascadeSet plan = before.planner().archive(List.of(tree.account()));

        Preview preview = lifecycle().preview(manager(), tree.account(), OperationKind.ARCHIVE);

        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L, COMMENT, 26L),
                preview.countsPerType().asMap());
        assertEquals(namedFirst(before, plan.ids()), preview.named());
        assertEquals(Preview.NAMED_PER_TYPE, preview.named().get(COMMENT).size());
        assertEquals(List.of(), preview.alsoDestroys());
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r13_a_restore_preview_names_what_would_come_back_not_what_stays() {
        Tree tree = tree();
        archive(tree.project());
        archive(tree.label());
        WorkspaceSnapshot before = snapshot();

        Preview preview = lifecycle().preview(manager(), tree.project(), OperationKind.RESTORE);

        assertEquals(Map.of(PROJECT, List.of(named(before, tree.project()))), preview.named());
        assertEquals(2, preview.leftArchived().size());
    }

    @Test
    default void r13_a_purge_preview_lists_the_other_archives_it_would_destroy_records_of() {
        Tree tree = tree();
        RecordId second = comment(tree.task());
        Operation byComment = archive(tree.comment()).operation().orElseThrow();
        Operation bySecond = archive(second).operation().orElseThrow();
        RecordId third = comment(tree.task());
        RecordId fourth = comment(tree.task());
        Operation byTwo = bulk(io.archivist.application.port.in.BulkCommand.Action.ARCHIVE, false, third, fourth)
                .operations()
                .get(0);
        archive(tree.account());
        WorkspaceSnapshot before = snapshot();
        CascadeSet plan = before.planner().purge(List.of(tree.account()));

        Preview preview = lifecycle().preview(manager(), tree.account(), OperationKind.PURGE);

        assertEquals(plan.countsPerType(), preview.countsPerType());
        assertEquals(namedFirst(before, plan.ids()), preview.named());
        List<AlsoDestroyed> expected = new ArrayList<>();
        expected.add(new AlsoDestroyed(byTwo.id(), 2));
        List<Operation> ones = new ArrayList<>(List.of(byComment, bySecond));
        ones.sort(java.util.Comparator.comparing(o -> RecordId.of(o.id().value())));
        ones.forEach(one -> expected.add(new AlsoDestroyed(one.id(), 1)));
        assertEquals(expected, preview.alsoDestroys(), "the largest first; the account's own archive is not listed");
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r13_a_purge_of_what_has_no_archive_destroys_no_other_archive() {
        RecordId ledger = a(LEDGER).create();
        a(ENTRY).under(ledger).create();

        Preview preview = lifecycle().preview(manager(), ledger, OperationKind.PURGE);

        assertEquals(Map.of(LEDGER, 1L, ENTRY, 1L), preview.countsPerType().asMap());
        assertEquals(List.of(), preview.alsoDestroys());
        assertEquals(2, preview.named().values().stream().mapToInt(List::size).sum());
    }

    @Test
    default void r13_a_record_is_named_by_its_types_title_attribute_else_its_key_else_its_id() {
        catalog().define(admin(), KitTypes.archivable("journey").type().withTitleAttribute(Optional.of("name")));
        catalog().define(admin(), KitTypes.archivable("step", "journey").type());
        RecordId journey = a("journey").with("name", "Onboarding").create();
        RecordId keyed = a("step").under(journey).key("welcome").create();
        RecordId plain = a("step").under(journey).create();

        Preview preview = lifecycle().preview(manager(), journey, OperationKind.ARCHIVE);

        assertEquals(
                List.of(new NamedRecord(journey, "journey", Optional.empty(), "Onboarding")),
                preview.named().get("journey"));
        List<NamedRecord> steps = new ArrayList<>(List.of(
                new NamedRecord(keyed, "step", Optional.of("welcome"), "welcome"),
                new NamedRecord(plain, "step", Optional.empty(), plain.toString())));
        steps.sort(java.util.Comparator.comparing(NamedRecord::id));
        assertEquals(steps, preview.named().get("step"));
    }

    /** The planner's answer: the set's first records of each type, in id order, named by the catalog. */
    private static Map<String, List<NamedRecord>> namedFirst(WorkspaceSnapshot snapshot, Collection<RecordId> ids) {
        Map<String, List<NamedRecord>> named = new TreeMap<>();
        ids.stream().sorted().forEach(id -> {
            NamedRecord one = named(snapshot, id);
            List<NamedRecord> ofType = named.computeIfAbsent(one.type(), type -> new ArrayList<>());
            if (ofType.size() < Preview.NAMED_PER_TYPE) {
                ofType.add(one);
            }
        });
        assertTrue(named.values().stream().allMatch(list -> !list.isEmpty()));
        return named;
    }

    private static NamedRecord named(WorkspaceSnapshot snapshot, RecordId id) {
        return NamedRecord.of(snapshot.find(id).orElseThrow(), snapshot.catalog());
    }
}
