package io.archivist.adapters.persistence.jdbc;

import io.archivist.application.port.out.IdempotencyStore;
import io.archivist.application.port.out.RememberedAnswer;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/** R10: the first answer to each Idempotency-Key, under the SHA-256 of the key (keys may be long). */
final class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcDatabase db;

    JdbcIdempotencyStore(JdbcDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<RememberedAnswer> find(WorkspaceId workspace, String key, Instant notBefore) {
        return db.transactions.statements(c -> db.sql.first(
                c,
                "SELECT fingerprint, answer, answered_at"
                        + " FROM idempotent_requests WHERE workspace = ? AND key_hash = ? AND answered_at >= ?",
                rows -> new RememberedAnswer(
                        rows.getString("fingerprint"), rows.getString("answer"), db.sql.instant(rows, "answered_at")),
                workspace,
                Hashes.sha256(key),
                notBefore));
    }

    @Override
    public void remember(WorkspaceId workspace, String key, RememberedAnswer answer) {
        String hash = Hashes.sha256(key);
        db.transactions.statements(c -> {
            // An expired answer under the same key makes room for the new one.
            db.sql.update(c, "DELETE FROM idempotent_requests WHERE workspace = ? AND key_hash = ?", workspace, hash);
            return db.sql.update(
                    c,
                    "INSERT INTO idempotent_requests"
                            + " (workspace, key_hash, fingerprint, answer, answered_at) VALUES (?, ?, ?, ?, ?)",
                    workspace,
                    hash,
                    answer.fingerprint(),
                    answer.answer(),
                    answer.at());
        });
    }

    /**
     * One bounded DELETE, the same on every dialect: the doubly nested LIMIT is what MariaDB accepts
     * in an IN over the table being deleted from. It runs on idempotent_requests_by_answered_at.
     */
    @Override
    public int forget(Instant answeredBefore, int atMost) {
        return db.transactions.statements(c -> db.sql.update(
                c,
                "DELETE FROM idempotent_requests"
                        + " WHERE answered_at < ? AND (workspace, key_hash) IN (SELECT workspace, key_hash FROM"
                        + " (SELECT workspace, key_hash FROM idempotent_requests WHERE answered_at < ?"
                        + " ORDER BY answered_at LIMIT ?) expired)",
                answeredBefore,
                answeredBefore,
                atMost));
    }
}
