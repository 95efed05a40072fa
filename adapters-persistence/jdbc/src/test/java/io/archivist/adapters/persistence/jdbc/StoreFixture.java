package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.contract.StorePorts;
import io.archivist.application.service.TimeOrderedIds;
import io.archivist.domain.ObjectType;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordId;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The JDBC ports on one test database, in a workspace of the test's own that is removed afterwards. */
final class StoreFixture implements AutoCloseable {

    final TestDatabase database;
    final JdbcDatabase db;
    final StorePorts ports;
    final WorkspaceId workspace;
    private final TimeOrderedIds ids = new TimeOrderedIds();

    StoreFixture(TestDatabase database) {
        this(database, database.database());
    }

    StoreFixture(TestDatabase database, JdbcDatabase db) {
        this.database = database;
        this.db = db;
        this.ports = ports(db);
        this.workspace = WorkspaceId.of("test-" + UUID.randomUUID());
    }

    static StorePorts ports(JdbcDatabase db) {
        JdbcRecordWrites writes = new JdbcRecordWrites(db);
        return new StorePorts(
                new JdbcRecordReads(db),
                writes,
                new JdbcCascades(db),
                writes,
                new JdbcCatalogStore(db),
                new JdbcOperationLog(db),
                new JdbcUnitOfWork(db),
                new JdbcIdempotencyStore(db),
                () -> Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new TimeOrderedIds());
    }

    RecordId newId() {
        return RecordId.of(ids.next());
    }

    /** Inserts an active record of {@code type} holding its unique values, in its own unit of work. */
    StoredRecord create(ObjectType type, Map<String, Object> attributes, RecordId... parents) {
        StoredRecord record = StoredRecord.create(
                newId(),
                workspace,
                type.name(),
                Optional.empty(),
                attributes,
                List.of(parents),
                "tester",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ports.unitOfWork().write(workspace, () -> {
            ports.records().insert(record, UniqueValues.of(type, attributes));
            return null;
        });
        return record;
    }

    /** Every record of the workspace, page by page. */
    List<StoredRecord> all() {
        List<StoredRecord> all = new ArrayList<>();
        Optional<RecordId> after = Optional.empty();
        while (true) {
            List<StoredRecord> page =
                    ports.records().page(workspace, RecordFilter.all(), after.map(PagePosition::of), 500);
            all.addAll(page);
            if (page.size() < 500) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    @Override
    public void close() {
        database.forget(workspace);
    }
}
