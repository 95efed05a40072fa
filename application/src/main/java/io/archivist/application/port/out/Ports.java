package io.archivist.application.port.out;

import java.util.Objects;

/** Everything the services need from outside, as one value the composition root builds from the adapters' beans. */
public record Ports(RecordStore records, CatalogStore catalogs, OperationLog operations, UnitOfWork unitOfWork,
                    IdempotencyStore idempotency, TimeSource time, IdGenerator ids) {

    public Ports {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(catalogs, "catalogs");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(ids, "ids");
    }
}
