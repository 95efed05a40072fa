-- Every primary key and unique constraint holds the workspace, so that a distributed engine that shards
-- the tables by workspace (Citus on PostgreSQL) can enforce each on the one shard that holds the
-- workspace: Citus refuses a unique constraint without the distribution column. cascade_walk's was the one
-- without it. Its runs are looked up by run, then by record, so those lead as before; a run never spans
-- workspaces, so the key still says what it said. Every other key already holds workspace (workspaces:
-- id, the workspace itself); scheduled_turns (V11) is the exception by design: one row per job across
-- workspaces, kept whole on every node (a reference table).
ALTER TABLE cascade_walk DROP CONSTRAINT cascade_walk_pk;
ALTER TABLE cascade_walk ADD CONSTRAINT cascade_walk_pk PRIMARY KEY (run_id, record_id, workspace);
