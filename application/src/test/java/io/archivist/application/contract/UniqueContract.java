package io.archivist.application.contract;

import static io.archivist.application.contract.KitTypes.archivable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** R6: unique among active records, refused by the store itself; keys unique among all records. */
public interface UniqueContract extends StoreContractSupport {

    @Test
    default void r6_a_create_that_would_share_an_active_unique_value_is_refused_naming_the_holder() {
        RecordId account = account();
        RecordId holder = project(account, "ALPHA");
        WorkspaceSnapshot before = snapshot();

        var refusal = refused(ErrorCode.UNIQUE_CONFLICT, () -> project(account, "ALPHA"));

        assertEquals(holder.toString(), refusal.details().get("holder"));
        assertEquals(CODE, refusal.details().get("attribute"));
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r6_archiving_frees_a_unique_value() {
        RecordId account = account();
        RecordId first = project(account, "ALPHA");
        archive(first);

        RecordId second = project(account, "ALPHA");

        assertEquals(Optional.of(second), holderOf(PROJECT, CODE, "ALPHA"));
    }

    @Test
    default void r6_a_restore_that_would_share_a_unique_value_is_refused_naming_the_holder_and_changes_nothing() {
        RecordId account = account();
        RecordId first = project(account, "ALPHA");
        task(first, label(account));
        archive(first);
        RecordId second = project(account, "ALPHA");
        WorkspaceSnapshot before = snapshot();

        var refusal = refused(ErrorCode.UNIQUE_CONFLICT, () -> restore(first));

        assertEquals(second.toString(), refusal.details().get("holder"));
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r6_an_update_that_would_share_a_unique_value_is_refused_and_changes_nothing() {
        RecordId account = account();
        RecordId holder = project(account, "ALPHA");
        RecordId other = project(account, "BETA");
        WorkspaceSnapshot before = snapshot();

        var refusal = refused(ErrorCode.UNIQUE_CONFLICT, () -> update(other, Map.of(CODE, "ALPHA")));

        assertEquals(holder.toString(), refusal.details().get("holder"));
        PlannerOracle.unchanged(before, snapshot());
        update(holder, Map.of(CODE, "ALPHA", "name", "renamed"));
        update(other, Map.of(CODE, "GAMMA"));
        assertEquals(Optional.of(other), holderOf(PROJECT, CODE, "GAMMA"));
        assertEquals(Optional.empty(), holderOf(PROJECT, CODE, "BETA"), "an update frees the value it replaces");
    }

    @Test
    default void r6_values_compare_as_json_values_numbers_by_value_and_strings_exactly() {
        RecordId account = account();
        a(PROJECT).under(account).with(CODE, 7).create();

        refused(
                ErrorCode.UNIQUE_CONFLICT,
                () -> a(PROJECT).under(account).with(CODE, 7.0).create());
        a(PROJECT).under(account).with(CODE, "7").create();
        a(PROJECT).under(account).with(CODE, "alpha").create();
        a(PROJECT).under(account).with(CODE, "ALPHA").create();
    }

    @Test
    default void r6_a_second_key_in_a_type_is_duplicate_key_even_when_the_first_is_archived() {
        RecordId account = account();
        RecordId first = a(PROJECT).under(account).key("apollo").create();
        a(LABEL).under(account).key("apollo").create();

        var refusal = refused(
                ErrorCode.DUPLICATE_KEY,
                () -> a(PROJECT).under(account).key("apollo").create());
        assertEquals(first.toString(), refusal.details().get("holder"));
        archive(first);
        refused(
                ErrorCode.DUPLICATE_KEY,
                () -> a(PROJECT).under(account).key("apollo").create());

        assertEquals(
                first,
                ports().records()
                        .findByKey(workspace(), PROJECT, "apollo")
                        .orElseThrow()
                        .id());
    }

    @Test
    default void r6_the_store_itself_refuses_a_shared_unique_value_or_a_second_key_and_inserts_nothing() {
        RecordId account = account();
        RecordId holder =
                a(PROJECT).under(account).key("apollo").with(CODE, "ALPHA").create();
        WorkspaceSnapshot before = snapshot();

        var unique = refused(
                ErrorCode.UNIQUE_CONFLICT, () -> insertDirectly(newProject(account, Optional.empty(), "ALPHA")));
        var key = refused(
                ErrorCode.DUPLICATE_KEY, () -> insertDirectly(newProject(account, Optional.of("apollo"), "OMEGA")));
        var inBatch = refused(
                ErrorCode.UNIQUE_CONFLICT,
                () -> write(() -> ports().records()
                        .insertAll(List.of(
                                withValues(newProject(account, Optional.empty(), "NEW")),
                                withValues(newProject(account, Optional.empty(), "NEW"))))));

        assertEquals(holder.toString(), unique.details().get("holder"));
        assertEquals(holder.toString(), key.details().get("holder"));
        assertEquals(ErrorCode.UNIQUE_CONFLICT, inBatch.code(), "a batch is checked within itself too");
        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void r6_the_store_itself_refuses_an_update_to_a_held_value_and_changes_nothing() {
        RecordId account = account();
        project(account, "ALPHA");
        StoredRecord other = stored(project(account, "BETA"));
        StoredRecord changed =
                other.withAttributes(Map.of(CODE, "ALPHA"), manager().actor(), clock().now());
        WorkspaceSnapshot before = snapshot();

        refused(ErrorCode.UNIQUE_CONFLICT, () -> write(() -> ports().records().update(changed, values(changed))));

        PlannerOracle.unchanged(before, snapshot());
    }

    @Test
    default void
            r6_defining_new_unique_attributes_refuses_existing_duplicates_among_active_records_and_changes_nothing() {
        catalog().define(admin(), archivable("badge").type());
        RecordId first = a("badge").with("serial", "S-1").create();
        RecordId second = a("badge").with("serial", "S-1").create();
        ObjectType unique = archivable("badge").withUnique("serial").type();

        refused(ErrorCode.UNIQUE_CONFLICT, () -> catalog().define(admin(), unique));
        assertEquals(List.of(), catalog().get(admin(), "badge").unique(), "the catalog is unchanged");

        archive(second);
        catalog().define(admin(), unique);
        assertEquals(Optional.of(first), holderOf("badge", "serial", "S-1"));
        refused(
                ErrorCode.UNIQUE_CONFLICT,
                () -> a("badge").with("serial", "S-1").create());
        refused(ErrorCode.UNIQUE_CONFLICT, () -> restore(second));
    }

    // ---- through the port ----------------------------------------------------------------------

    default void update(RecordId id, Map<String, Object> patch) {
        records().update(new UpdateRecordCommand(manager(), id, patch, OptionalLong.empty()));
    }

    default StoredRecord newProject(RecordId account, Optional<String> key, String code) {
        return StoredRecord.create(
                RecordId.of(UUID.randomUUID()),
                workspace(),
                PROJECT,
                key,
                Map.of(CODE, code),
                List.of(account),
                manager().actor(),
                clock().now());
    }

    /** Inserts through the port, past the service's own checks; counted for I4 when it succeeds. */
    default void insertDirectly(StoredRecord record) {
        write(() -> ports().records().insert(record, values(record)));
        ledger().created(record.type());
    }
}
