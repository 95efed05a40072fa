package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.contract.StoreContract;
import io.archivist.application.port.out.Ports;

/** The whole store contract kit on MARIADB. */
class MariaDbStoreContractIT extends StoreContract {

    private static Ports ports;

    @Override
    protected Ports ports() {
        if (ports == null) {
            ports = StoreFixture.ports(TestDatabase.MARIADB.database());
        }
        return ports;
    }
}
