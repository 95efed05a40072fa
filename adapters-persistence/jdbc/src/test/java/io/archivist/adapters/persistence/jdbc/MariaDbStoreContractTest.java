package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.contract.StoreContract;
import io.archivist.application.contract.StorePorts;

/** The whole store contract kit on MARIADB. */
class MariaDbStoreContractTest extends StoreContract {

    private static StorePorts ports;

    @Override
    protected StorePorts ports() {
        if (ports == null) {
            ports = StoreFixture.ports(TestDatabase.MARIADB.database());
        }
        return ports;
    }
}
