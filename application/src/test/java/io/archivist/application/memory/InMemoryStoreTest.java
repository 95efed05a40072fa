package io.archivist.application.memory;

import io.archivist.application.contract.StoreContract;
import io.archivist.application.contract.StorePorts;

/** The reference store passes the whole kit: this is what holds the kit itself to the rules (docs/lifecycle.md). */
class InMemoryStoreTest extends StoreContract {

    private static final InMemoryStore STORE = new InMemoryStore();

    @Override
    protected StorePorts ports() {
        return STORE.ports();
    }
}
