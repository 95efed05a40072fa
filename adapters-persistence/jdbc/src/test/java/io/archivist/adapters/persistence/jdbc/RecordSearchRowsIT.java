package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.application.service.LifecycleService;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.RecordId;
import io.archivist.domain.Role;
import io.archivist.domain.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * q's search text on the JDBC store lives in record_search, beside the record: written with it,
 * rewritten with its attributes, and gone with it (R3: a purged record leaves no row, and none of its
 * text, behind). What q finds is FindContract's; this looks at the rows themselves.
 */
class RecordSearchRowsIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void r3_a_records_search_row_follows_its_attributes_and_goes_when_it_is_purged(TestDatabase database) {
        try (StoreFixture store = new StoreFixture(database)) {
            ObjectType note = new ObjectType("note", true, List.of(), List.of(), Optional.empty());
            store.ports.unitOfWork().write(store.workspace, () -> {
                store.ports.catalogs().save(store.workspace, note);
                return null;
            });
            StoredRecord record = store.create(note, Map.of("text", "First Draft"));
            assertEquals(List.of("\u001ffirst draft"), texts(store, record.id()));

            Caller admin = Caller.user("admin", store.workspace, Set.of(Role.ADMIN));
            store.ports
                    .recordService()
                    .update(new UpdateRecordCommand(admin, record.id(), Map.of("text", "Final"), OptionalLong.empty()));
            assertEquals(List.of("\u001ffinal"), texts(store, record.id()));

            LifecycleService lifecycle = store.ports.lifecycleService();
            lifecycle.delete(LifecycleCommand.of(admin, record.id()));
            assertEquals(List.of("\u001ffinal"), texts(store, record.id()), "archived: still searchable");
            lifecycle.delete(LifecycleCommand.of(admin, record.id()));
            assertEquals(List.of(), texts(store, record.id()), "purged: no row left");
        }
    }

    private static List<String> texts(StoreFixture store, RecordId id) {
        return store.db.transactions.statements(c -> store.db.sql.list(
                c,
                "SELECT search_text FROM record_search WHERE record_id = ? AND workspace = ?",
                rows -> rows.getString(1),
                id,
                store.workspace));
    }
}
