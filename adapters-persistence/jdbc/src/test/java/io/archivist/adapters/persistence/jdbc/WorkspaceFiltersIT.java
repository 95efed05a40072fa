package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.contract.KitFixture;
import io.archivist.application.contract.StoreContract;
import io.archivist.application.port.out.ScheduledTurns;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

/**
 * Every statement stays in one workspace, so that Citus, distributing the tables by workspace, routes each
 * to the one node that holds it (docs/architecture.md): the whole store contract kit runs on PostgreSQL
 * through a DataSource that records the SQL of every statement sent (the store's own, prepared, batched or
 * plain, and the Micronaut Data repositories'), then each distinct statement is checked by
 * {@link WorkspaceFilters}. Needs no Citus; a statement that would not route fails this test, named with the
 * table that lacks its workspace.
 */
class WorkspaceFiltersIT implements StoreContract {

    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();
    private static JdbcDatabase recorded;

    private final KitFixture kit = new KitFixture(StoreFixture.ports(recorded()));

    /** The store on PostgreSQL, migrated first on the plain pool, then opened on one that records every statement. */
    private static synchronized JdbcDatabase recorded() {
        if (recorded == null) {
            TestDatabase.POSTGRESQL.database(); // migrated: Flyway's migrations are no statements of the store
            CountingDataSource recording = new CountingDataSource(TestDatabase.POSTGRESQL.dataSource());
            recording.sent = SENT::add;
            recorded = StoreContext.open(recording, 10);
        }
        return recorded;
    }

    @Override
    public KitFixture kit() {
        return kit;
    }

    @Override
    public ScheduledTurns scheduledTurns() {
        return new JdbcScheduledTurns(recorded());
    }

    @AfterAll
    static void every_statement_sent_names_the_workspace_of_every_table_it_reads_or_writes() {
        Assumptions.assumeTrue(recorded != null, "PostgreSQL was not reached: the kit did not run");
        assertTrue(
                SENT.stream().anyMatch(sql -> sql.contains("WITH RECURSIVE")),
                "the kit's cascades went through the recording DataSource: " + SENT.size() + " statements");
        List<String> offences = WorkspaceFilters.offences(SENT);
        assertTrue(
                offences.isEmpty(),
                offences.size() + " of " + SENT.size() + " distinct statements would not stay in one workspace:\n"
                        + String.join("\n", offences));
        System.out.printf(
                "WorkspaceFiltersIT: %d distinct statements, each in one workspace but %d listed across workspaces%n",
                SENT.size(),
                SENT.stream()
                        .filter(sql -> WorkspaceFilters.ACROSS_WORKSPACES.containsKey(WorkspaceFilters.normalized(sql)))
                        .count());
    }
}
