package io.archivist.application.memory;

import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.RememberedAnswer;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class InMemoryIdempotencyStore implements IdempotencyStore {

    private final InMemoryStore store;

    InMemoryIdempotencyStore(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<RememberedAnswer> find(WorkspaceId workspace, String key, Instant notBefore) {
        return store.in(
                workspace,
                tables -> Optional.ofNullable(tables.remembered.get(key))
                        .filter(response -> !response.at().isBefore(notBefore)));
    }

    @Override
    public void remember(WorkspaceId workspace, String key, RememberedAnswer response) {
        store.in(workspace, tables -> tables.remembered.put(key, response));
    }

    @Override
    public int forget(Instant answeredBefore, int atMost) {
        int forgotten = 0;
        for (WorkspaceId workspace : store.workspaces()) {
            int left = atMost - forgotten;
            forgotten += store.in(workspace, tables -> {
                List<String> expired = tables.remembered.entrySet().stream()
                        .filter(entry -> entry.getValue().at().isBefore(answeredBefore))
                        .map(Map.Entry::getKey)
                        .limit(left)
                        .toList();
                expired.forEach(tables.remembered::remove);
                return expired.size();
            });
        }
        return forgotten;
    }
}
