-- SPEC §7: work that must happen once across every service instance on this database (the retention
-- job) takes turns here (JdbcScheduledTurns): one row per job, naming who took its last turn and when
-- that turn runs out. A turn is taken with one conditional UPDATE, which the row lock serialises, so of
-- instances that ask at once exactly one gets it; a holder that dies lets its turn run out.
CREATE TABLE scheduled_turns (
    job       VARCHAR(100)             NOT NULL PRIMARY KEY,
    holder    VARCHAR(255),
    taken_at  TIMESTAMP WITH TIME ZONE,
    turn_ends TIMESTAMP WITH TIME ZONE NOT NULL
);
