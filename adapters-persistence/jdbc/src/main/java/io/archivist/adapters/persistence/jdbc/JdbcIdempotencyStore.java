package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.RememberedAnswer;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;

/**
 * R10: the first answer to each Idempotency-Key, under the SHA-256 of the key (keys may be long), in
 * idempotent_requests through its repository ({@link IdempotentRequests}), inside the unit under way.
 */
final class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcDatabase db;

    JdbcIdempotencyStore(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<RememberedAnswer> find(WorkspaceId workspace, String key, Instant notBefore) {
        return db.transactions.statements(c -> db.sql.repository(
                () -> db.idempotentRequests.answer(workspace.value(), Hashes.sha256(key), notBefore)));
    }

    @Override
    public void remember(WorkspaceId workspace, String key, RememberedAnswer answer) {
        db.transactions.statements(c -> db.sql.repository(() -> {
            db.idempotentRequests.replace(workspace.value(), Hashes.sha256(key), answer);
            return null;
        }));
    }

    /**
     * Workspace by workspace, so that each DELETE stays in one workspace (what a distributed engine routes to
     * one node): the workspaces of the oldest {@code atMost} expired answers, then in each of them at most what
     * is left of {@code atMost}, the oldest first. Fewer than {@code atMost} forgotten means none are left.
     */
    @Override
    public int forget(Instant answeredBefore, int atMost) {
        return db.transactions.statements(c -> db.sql.repository(() -> {
            int forgotten = 0;
            for (String workspace :
                    new LinkedHashSet<>(db.idempotentRequests.workspacesAnsweredBefore(answeredBefore, atMost))) {
                if (forgotten >= atMost) {
                    break;
                }
                forgotten += db.idempotentRequests.forgetAnsweredBefore(workspace, answeredBefore, atMost - forgotten);
            }
            return forgotten;
        }));
    }
}
