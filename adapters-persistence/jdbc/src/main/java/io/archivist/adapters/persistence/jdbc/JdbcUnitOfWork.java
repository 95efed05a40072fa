package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.UnitOfWork;
import io.archivist.domain.WorkspaceId;
import java.util.function.Supplier;

/** R8: one database transaction per unit; writes serialised per workspace, reads on one snapshot (see Transactions). */
final class JdbcUnitOfWork implements UnitOfWork {

    private final JdbcDatabase db;

    JdbcUnitOfWork(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T write(WorkspaceId workspace, Supplier<T> work) {
        return db.transactions.write(workspace, work);
    }

    @Override
    public <T> T read(WorkspaceId workspace, Supplier<T> work) {
        return db.transactions.read(work);
    }

    @Override
    public <T> T readLatest(WorkspaceId workspace, Supplier<T> work) {
        // A statement never sees another transaction's uncommitted rows: a committed state each time.
        return db.transactions.readLatest(work);
    }
}
