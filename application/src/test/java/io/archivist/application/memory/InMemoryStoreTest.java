package io.archivist.application.memory;

import io.archivist.application.contract.KitFixture;
import io.archivist.application.contract.StoreContract;
import io.archivist.application.port.out.ScheduledTurns;

/** The reference store passes the whole kit: this is what holds the kit itself to the rules (docs/lifecycle.md). */
class InMemoryStoreTest implements StoreContract {

    private static final InMemoryStore STORE = new InMemoryStore();
    private static final InMemoryScheduledTurns TURNS = new InMemoryScheduledTurns();

    private final KitFixture kit = new KitFixture(STORE.ports());

    @Override
    public KitFixture kit() {
        return kit;
    }

    @Override
    public ScheduledTurns scheduledTurns() {
        return TURNS;
    }
}
