package io.archivist.application.service;

import io.archivist.application.contract.KitFixture;
import io.archivist.application.contract.StoreContractSupport;
import io.archivist.application.memory.InMemoryStore;

/**
 * Service tests: the services built by hand over the in-memory store (no container), with the
 * kit's builders and its invariant check after each test. They state what is the service's own
 * (roles, PATCH forms, bulk composition, limits), not the store's.
 */
abstract class ServiceTestSupport implements StoreContractSupport {

    private final KitFixture kit = new KitFixture(new InMemoryStore().ports());

    @Override
    public KitFixture kit() {
        return kit;
    }
}
