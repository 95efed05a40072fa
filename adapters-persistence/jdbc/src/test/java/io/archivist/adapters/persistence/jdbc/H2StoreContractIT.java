package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.contract.KitFixture;
import io.archivist.application.contract.StoreContract;
import io.archivist.application.port.out.ScheduledTurns;

/** The whole store contract kit on H2 (an embedded file under target/). */
class H2StoreContractIT implements StoreContract {

    private final KitFixture kit = new KitFixture(StoreFixture.ports(TestDatabase.H2.database()));

    @Override
    public KitFixture kit() {
        return kit;
    }

    @Override
    public ScheduledTurns scheduledTurns() {
        return new JdbcScheduledTurns(TestDatabase.H2.database());
    }
}
