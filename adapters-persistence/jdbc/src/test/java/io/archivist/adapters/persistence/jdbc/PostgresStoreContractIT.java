package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.contract.StoreContract;
import io.archivist.application.port.out.Ports;

/** The whole store contract kit on POSTGRESQL. */
class PostgresStoreContractIT extends StoreContract {

    private static Ports ports;

    @Override
    protected Ports ports() {
        if (ports == null) {
            ports = StoreFixture.ports(TestDatabase.POSTGRESQL.database());
        }
        return ports;
    }
}
