package io.archivist.application.service;

import static io.archivist.application.contract.KitTypes.archivable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.BulkCommand;
import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.domain.Caller;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/lifecycle.md#roles: who may do what. */
class RolesTest extends ServiceTestSupport {

    private static final ObjectType NOTE = new ObjectType("note", true, List.of(), List.of(), Optional.empty());

    @Test
    void a_member_reads_creates_and_updates_records() {
        RecordId account = a(ACCOUNT).by(member()).create();

        records().update(new UpdateRecordCommand(member(), account, Map.of("name", "renamed"), OptionalLong.empty()));

        assertEquals(
                "renamed",
                records().get(member(), account).record().attributes().get("name"));
    }

    @Test
    void a_member_gets_forbidden_on_every_lifecycle_action_bulk_preview_and_type_definition() {
        RecordId account = account();
        RecordId archived = account();
        archive(archived);
        var before = snapshot();

        refused(ErrorCode.FORBIDDEN, () -> lifecycle().delete(LifecycleCommand.of(member(), account)));
        refused(ErrorCode.FORBIDDEN, () -> lifecycle().archive(LifecycleCommand.of(member(), account)));
        refused(ErrorCode.FORBIDDEN, () -> lifecycle().restore(LifecycleCommand.of(member(), archived)));
        refused(ErrorCode.FORBIDDEN, () -> lifecycle().setArchived(LifecycleCommand.of(member(), account), true));
        refused(ErrorCode.FORBIDDEN, () -> lifecycle().setArchived(LifecycleCommand.of(member(), archived), false));
        refused(ErrorCode.FORBIDDEN, () -> lifecycle().preview(member(), account, OperationKind.ARCHIVE));
        refused(
                ErrorCode.FORBIDDEN,
                () -> bulk().bulk(new BulkCommand(member(), BulkCommand.Action.DELETE, List.of(account), false)));
        refused(ErrorCode.FORBIDDEN, () -> catalog().define(member(), NOTE));

        assertEquals(before.records(), snapshot().records());
        assertEquals(
                Optional.empty(),
                catalog().list(admin()).stream()
                        .filter(t -> t.name().equals("note"))
                        .findAny());
    }

    @Test
    void a_journey_manager_archives_restores_purges_bulks_and_previews_but_does_not_define_types() {
        RecordId account = account();

        lifecycle().preview(manager(), account, OperationKind.ARCHIVE);
        delete(account);
        restore(account);
        bulk(BulkCommand.Action.ARCHIVE, false, account);
        delete(account);

        assertGone(account);
        refused(ErrorCode.FORBIDDEN, () -> catalog().define(manager(), NOTE));
    }

    @Test
    void admins_and_super_admins_define_types() {
        Caller superAdmin = Caller.user("kit-root", workspace(), Set.of(Role.SUPER_ADMIN));

        catalog().define(admin(), NOTE);
        catalog().define(superAdmin, archivable("memo").type());

        assertEquals(NOTE, catalog().get(member(), "note"));
        assertEquals("memo", catalog().get(member(), "memo").name());
    }

    @Test
    void a_caller_without_roles_may_do_nothing_that_writes() {
        Caller nobody = Caller.user("kit-nobody", workspace(), Set.of());

        refused(ErrorCode.FORBIDDEN, () -> a(ACCOUNT).by(nobody).create());
    }

    @Test
    void admins_read_every_operation_others_only_their_own() {
        Operation mine = delete(account()).operation().orElseThrow();
        Caller colleague = Caller.user("kit-colleague", workspace(), Set.of(Role.JOURNEY_MANAGER));

        assertEquals(mine, operations().operation(manager(), mine.id()));
        assertEquals(mine, operations().operation(admin(), mine.id()));
        refused(ErrorCode.FORBIDDEN, () -> operations().operation(colleague, mine.id()));
        refused(ErrorCode.FORBIDDEN, () -> operations().operation(member(), mine.id()));
    }
}
