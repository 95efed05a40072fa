-- The PostgreSQL migration of the same number (see its comments) in MariaDB's dialect: cascade_walk's key
-- holds the workspace like every other key; scheduled_turns (one row per job across workspaces) stays as it is.
ALTER TABLE cascade_walk DROP PRIMARY KEY, ADD CONSTRAINT cascade_walk_pk PRIMARY KEY (run_id, record_id, workspace);
