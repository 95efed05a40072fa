package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.RecordView;
import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** R9: archived is read-only; R10: If-Match guards every change; and records keep what they were given. */
public interface ReadOnlyContract extends StoreContractSupport {

    @Test
    default void r9_creating_a_record_under_an_archived_parent_is_parent_archived_and_creates_nothing() {
        Tree tree = tree();
        archive(tree.label());
        WorkspaceSnapshot before = snapshot();

        var refusal = refused(ErrorCode.PARENT_ARCHIVED, () -> task(tree.project(), tree.label()));

        assertEquals(List.of(tree.label().toString()), refusal.details().get("parents"));
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r9_changing_attributes_of_an_archived_record_is_record_archived_and_changes_nothing() {
        RecordId account = account();
        archive(account);
        WorkspaceSnapshot before = snapshot();

        refused(ErrorCode.RECORD_ARCHIVED, () -> update(account, Map.of("name", "renamed"), OptionalLong.empty()));

        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r9_the_store_itself_refuses_to_update_an_archived_record() {
        RecordId account = account();
        StoredRecord active = stored(account);
        archive(account);
        StoredRecord changed = stored(account)
                .withAttributes(Map.of("name", "renamed"), manager().actor(), clock().now());

        refused(ErrorCode.RECORD_ARCHIVED, () -> write(() -> ports().records().update(changed, Map.of())));

        assertEquals(active.attributes(), stored(account).attributes());
    }

    @Test
    default void r10_every_change_moves_the_version_on() {
        RecordId account = account();
        assertEquals(1, stored(account).version());
        update(account, Map.of("name", "renamed"), OptionalLong.of(1));
        assertEquals(2, stored(account).version());
        archive(account);
        assertEquals(3, stored(account).version());
        restore(account);
        assertEquals(4, stored(account).version());
    }

    @Test
    default void r10_a_stale_if_match_is_precondition_failed_for_update_delete_and_restore_and_changes_nothing() {
        RecordId account = account();
        update(account, Map.of("name", "renamed"), OptionalLong.of(1));
        WorkspaceSnapshot before = snapshot();

        refused(ErrorCode.PRECONDITION_FAILED, () -> update(account, Map.of("name", "again"), OptionalLong.of(1)));
        refused(
                ErrorCode.PRECONDITION_FAILED,
                () -> lifecycle().delete(new LifecycleCommand(manager(), account, OptionalLong.of(1))));
        PlannerOracle.unchanged(before, snapshot());

        noted(lifecycle().delete(new LifecycleCommand(manager(), account, OptionalLong.of(2))));
        WorkspaceSnapshot archived = snapshot();
        refused(
                ErrorCode.PRECONDITION_FAILED,
                () -> lifecycle().restore(new LifecycleCommand(manager(), account, OptionalLong.of(2))));
        refused(
                ErrorCode.PRECONDITION_FAILED,
                () -> lifecycle().delete(new LifecycleCommand(manager(), account, OptionalLong.of(2))));
        PlannerOracle.unchanged(archived, snapshot());
        noted(lifecycle().restore(new LifecycleCommand(manager(), account, OptionalLong.of(3))));
        assertFalse(stored(account).archived());
    }

    @Test
    default void r10_the_store_itself_refuses_an_update_over_a_version_it_does_not_hold() {
        RecordId account = account();
        StoredRecord first = stored(account);
        update(account, Map.of("name", "renamed"), OptionalLong.empty());
        StoredRecord lost =
                first.withAttributes(Map.of("name", "lost update"), manager().actor(), clock().now());

        refused(
                ErrorCode.PRECONDITION_FAILED,
                () -> write(() -> ports().records().update(lost, Map.of())));

        assertEquals("renamed", stored(account).attributes().get("name"));
    }

    @Test
    default void records_keep_their_attributes_as_json_values_and_an_update_merges_them() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("city", "Lyon");
        nested.put("zip", "69001");
        RecordId account = a(ACCOUNT)
                .with("address", nested)
                .with("tags", List.of("a", "b"))
                .with("active", true)
                .with("seats", 12)
                .with("ratio", 0.25)
                .create();

        RecordView view = update(
                account,
                Map.of("address", Map.of("zip", "69002"), "seats", 13, "tags", List.of("c")),
                OptionalLong.empty());
        Map<String, Object> patchRemoving = new LinkedHashMap<>();
        patchRemoving.put("active", null);
        update(account, patchRemoving, OptionalLong.empty());

        Map<String, Object> attributes = stored(account).attributes();
        assertEquals(Map.of("city", "Lyon", "zip", "69002"), attributes.get("address"));
        assertEquals(List.of("c"), attributes.get("tags"));
        assertEquals(
                0,
                new BigDecimal("13")
                        .compareTo(new BigDecimal(attributes.get("seats").toString())));
        assertEquals(
                0,
                new BigDecimal("0.25")
                        .compareTo(new BigDecimal(attributes.get("ratio").toString())));
        assertFalse(attributes.containsKey("active"), "RFC 7396: a null removes the member");
        assertEquals(view.record().version() + 1, stored(account).version());
    }

    @Test
    default void records_keep_their_parents_in_the_order_given_and_their_key_and_audit_fields() {
        RecordId account = account();
        RecordId project = project(account);
        RecordId label = label(account);
        RecordId task = a(TASK).under(label, project).key("t-1").create();

        StoredRecord stored = stored(task);

        assertEquals(List.of(label, project), stored.parents());
        assertEquals("t-1", stored.key().orElseThrow());
        assertEquals(manager().actor(), stored.createdBy());
        assertEquals(stored.createdAt(), stored.updatedAt());
        assertEquals(workspace(), stored.workspace());
    }

    default RecordView update(RecordId id, Map<String, Object> patch, OptionalLong ifMatch) {
        return records().update(new UpdateRecordCommand(manager(), id, patch, ifMatch));
    }
}
