-- SPEC §7: work that must happen once across every service instance on this database (the retention
-- job) takes turns here (JdbcScheduledTurns); see the PostgreSQL migration of the same number.
CREATE TABLE scheduled_turns (
    job       VARCHAR(100)                NOT NULL PRIMARY KEY,
    holder    VARCHAR(255),
    taken_at  TIMESTAMP(6) WITH TIME ZONE,
    turn_ends TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
