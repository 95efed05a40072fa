package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.contract.StoreContract;
import io.archivist.application.contract.StorePorts;

/** The whole store contract kit on H2 (an embedded file under target/). */
class H2StoreContractTest extends StoreContract {

    private static StorePorts ports;

    @Override
    protected StorePorts ports() {
        if (ports == null) {
            ports = StoreFixture.ports(TestDatabase.H2.database());
        }
        return ports;
    }
}
