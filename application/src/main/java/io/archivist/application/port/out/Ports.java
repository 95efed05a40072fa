package io.archivist.application.port.out;

import java.util.Objects;

/**
 * Everything the services need from outside, as one value the composition root builds from the
 * adapters' beans; with it, the catalog cache the services of one instance share.
 */
public record Ports(RecordStore records, CatalogStore catalogs, OperationLog operations, UnitOfWork unitOfWork,
                    IdempotencyStore idempotency, TimeSource time, IdGenerator ids, CatalogCache catalogCache) {

    public Ports {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(catalogs, "catalogs");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(catalogCache, "catalogCache");
    }

    /** With a catalog cache of its own, of the default size: one service instance. */
    public Ports(RecordStore records, CatalogStore catalogs, OperationLog operations, UnitOfWork unitOfWork,
                 IdempotencyStore idempotency, TimeSource time, IdGenerator ids) {
        this(records, catalogs, operations, unitOfWork, idempotency, time, ids,
                new CatalogCache(CatalogCache.DEFAULT_WORKSPACES));
    }
}
