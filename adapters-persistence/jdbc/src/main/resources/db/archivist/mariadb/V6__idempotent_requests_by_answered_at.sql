-- R10: kept answers are forgotten after 24 hours, oldest first, in bounded batches (JdbcIdempotencyStore.forget).
CREATE INDEX idempotent_requests_by_answered_at ON idempotent_requests (answered_at);
