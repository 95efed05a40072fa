package io.archivist.application.memory;

import io.archivist.application.port.in.RememberedResponse;
import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.domain.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final InMemoryStore store;

    InMemoryIdempotencyStore(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<RememberedResponse> find(WorkspaceId workspace, String key, Instant notBefore) {
        return store.in(workspace, tables -> Optional.ofNullable(tables.remembered.get(key))
                .filter(response -> !response.at().isBefore(notBefore)));
    }

    @Override
    public void remember(WorkspaceId workspace, String key, RememberedResponse response) {
        store.in(workspace, tables -> tables.remembered.put(key, response));
    }
}
