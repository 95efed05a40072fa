package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.service.LifecyclePolicy;
import io.archivist.application.service.LifecycleService;
import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Role;
import io.archivist.domain.StoredRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL an archive's and a restore's statements are planned with their own values: a generic plan,
 * chosen after a connection ran the same statements a few times, is costed without the set's size and with
 * the table sizes of when it was made. It made a large restore run for minutes, and a 3-record archive
 * scan all of operation_records while a neighbour cascaded (benchmark P8). Other writes keep
 * PostgreSQL's choice, which serves seed imports and purges better.
 */
class CustomPlansIT {

    private static final ObjectType NOTE = new ObjectType("note", true, List.of(), List.of(), Optional.empty());

    @Test
    void archives_and_restores_plan_their_statements_with_their_own_values_and_other_writes_do_not() {
        try (StoreFixture store = new StoreFixture(TestDatabase.POSTGRESQL)) {
            JdbcDatabase db = TestDatabase.POSTGRESQL.database();
            store.ports.unitOfWork().write(store.workspace, () -> {
                store.ports.catalogs().save(store.workspace, NOTE);
                return null;
            });
            StoredRecord note = store.create(NOTE, Map.of("title", "one"));
            LifecycleService lifecycle = store.ports.lifecycleService(LifecyclePolicy.DEFAULT);
            Caller admin = Caller.user("admin", store.workspace, Set.of(Role.ADMIN));

            assertEquals(
                    "auto",
                    store.ports.unitOfWork().write(store.workspace, () -> {
                        store.create(NOTE, Map.of("title", "two"));
                        return planCacheMode(db);
                    }),
                    "a write without a cascade keeps PostgreSQL's own choice");
            assertEquals(
                    "force_custom_plan",
                    store.ports.unitOfWork().write(store.workspace, () -> {
                        lifecycle.archive(LifecycleCommand.of(admin, note.id()));
                        return planCacheMode(db);
                    }),
                    "the rest of an archive's transaction plans each statement with its values");
            assertEquals(
                    "force_custom_plan",
                    store.ports.unitOfWork().write(store.workspace, () -> {
                        lifecycle.restore(LifecycleCommand.of(admin, note.id()));
                        return planCacheMode(db);
                    }),
                    "the rest of a restore's transaction plans each statement with its values");
            assertEquals(
                    "auto",
                    store.ports.unitOfWork().write(store.workspace, () -> planCacheMode(db)),
                    "SET LOCAL: the setting ended with the restore's transaction");
            lifecycle.archive(LifecycleCommand.of(admin, note.id()));
            assertEquals(
                    "auto",
                    store.ports.unitOfWork().write(store.workspace, () -> {
                        lifecycle.delete(LifecycleCommand.of(admin, note.id()));
                        return planCacheMode(db);
                    }),
                    "a purge (the second delete) keeps PostgreSQL's choice: its custom plans were three times slower");
        }
    }

    private static String planCacheMode(JdbcDatabase db) {
        return db.transactions.statements(c -> db.sql
                .list(c, "SELECT current_setting('plan_cache_mode')", rows -> rows.getString(1))
                .get(0));
    }
}
