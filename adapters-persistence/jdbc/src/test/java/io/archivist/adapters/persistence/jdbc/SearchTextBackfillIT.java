package io.archivist.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.WorkspaceId;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migration 8.2: records written before the store kept q's search text get it when the schema moves
 * on, so that an upgraded database finds them like new ones. The records are written at schema
 * version 8 by the statements of that version, then the store opens (V8.1 to V8.3).
 */
class SearchTextBackfillIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void records_written_before_version_8_1_are_found_by_q_after_it(TestDatabase database) throws Exception {
        try (HikariDataSource scratch = database.scratch("backfill")) {
            Dialect dialect;
            try (Connection c = scratch.getConnection()) {
                dialect = Dialect.of(c);
            }
            Flyway.configure()
                    .dataSource(scratch)
                    .locations(JdbcDatabase.MIGRATIONS + dialect.name())
                    .table("archivist_schema_history")
                    .target("8")
                    .load()
                    .migrate();
            WorkspaceId workspace = WorkspaceId.of("backfill");
            Instant at = Instant.parse("2025-01-15T09:00:00Z");
            // More than one chunk of the migration, so that its walk goes from one to the next.
            List<StoredRecord> written = new ArrayList<>();
            for (int i = 0; i < 2_500; i++) {
                written.add(StoredRecord.create(
                        RecordId.of(new UUID(0x0190a0d400007000L, 0x8000000000000000L + i)),
                        workspace,
                        "note",
                        Optional.of("note-" + i),
                        i % 1_000 == 7 ? Map.of("title", "The Needle " + i, "n", i) : Map.of("title", "hay"),
                        List.of(),
                        "seed",
                        at));
            }
            Sql sql = new Sql(dialect, Duration.ZERO);
            try (Connection c = scratch.getConnection()) {
                c.setAutoCommit(true);
                sql.update(c, "INSERT INTO workspaces (id) VALUES (?)", workspace);
                sql.batch(
                        c,
                        RecordRows.INSERT,
                        written.stream().map(RecordRows::insertParams).toList());
            }

            JdbcDatabase db = StoreContext.open(scratch, 3);
            JdbcRecordReads reads = new JdbcRecordReads(db);
            RecordFilter needle =
                    RecordFilter.ofType("note", ArchivedFilter.ACTIVE).withText("NEEDLE");
            List<StoredRecord> found = reads.page(workspace, needle, Optional.<PagePosition>empty(), 10);

            assertEquals(
                    List.of(
                            written.get(7).id(),
                            written.get(1_007).id(),
                            written.get(2_007).id()),
                    found.stream().map(StoredRecord::id).toList());
            assertEquals(
                    2_500,
                    reads.page(
                                    workspace,
                                    RecordFilter.ofType("note", ArchivedFilter.ACTIVE)
                                            .withText("note-"),
                                    Optional.empty(),
                                    3_000)
                            .size(),
                    "every record has its search text, the key included");
        }
    }
}
