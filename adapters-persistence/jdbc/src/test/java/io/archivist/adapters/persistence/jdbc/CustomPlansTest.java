package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On PostgreSQL every statement of a unit of work is planned with its own values: a generic plan,
 * chosen after a connection ran the same cascade statement on a few small sets, would make the next
 * large cascade on that connection quadratic (benchmark P8 found one that never finished).
 */
class CustomPlansTest {

    @Test
    void the_statements_of_write_and_read_units_are_planned_with_their_own_values() {
        JdbcDatabase db = TestDatabase.POSTGRESQL.database();
        WorkspaceId workspace = WorkspaceId.of("plans-" + UUID.randomUUID());
        try {
            assertEquals("force_custom_plan", db.transactions.write(workspace, () -> planCacheMode(db)));
            assertEquals("force_custom_plan", db.transactions.read(() -> planCacheMode(db)));
            assertEquals("auto", db.transactions.statements(c -> db.sql.list(c,
                    "SELECT current_setting('plan_cache_mode')", rows -> rows.getString(1)).get(0)),
                    "SET LOCAL: the setting ends with its unit, the pooled connection is as it was");
        } finally {
            TestDatabase.POSTGRESQL.forget(workspace);
        }
    }

    private static String planCacheMode(JdbcDatabase db) {
        return db.transactions.statements(c -> db.sql.list(c, "SELECT current_setting('plan_cache_mode')",
                rows -> rows.getString(1)).get(0));
    }
}
