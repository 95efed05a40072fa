package io.archivist.adapters.rest;

import io.archivist.application.memory.InMemoryStore;
import io.archivist.application.port.out.CatalogStore;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.OperationLog;
import io.archivist.application.port.out.Ports;
import io.archivist.application.port.out.RecordStore;
import io.archivist.application.port.out.UnitOfWork;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The application's reference store as the ports' beans, for tests that ask for it (archivist.test.store=memory). */
@Factory
@Requires(property = "archivist.test.store", value = "memory")
class InMemoryStoreFactory {

    private final Ports ports = new InMemoryStore().ports();

    @Singleton
    RecordStore records() {
        return ports.records();
    }

    @Singleton
    CatalogStore catalogs() {
        return ports.catalogs();
    }

    @Singleton
    OperationLog operations() {
        return ports.operations();
    }

    @Singleton
    UnitOfWork unitOfWork() {
        return ports.unitOfWork();
    }

    @Singleton
    IdempotencyStore idempotency() {
        return ports.idempotency();
    }
}
