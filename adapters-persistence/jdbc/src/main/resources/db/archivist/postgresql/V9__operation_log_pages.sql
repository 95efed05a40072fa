-- GET /operations pages the log newest first, by kind, actor, or the archive operations that still hold
-- archived records (restorable=true), each from an index whatever the size of the log (JdbcOperationLog).
-- Operation ids are time-ordered, so id order is the order they were logged, and every index ends with it.
-- As in V2 and V4, the indexes start with the column each filter gives, not with workspace: only the
-- primary key leads with it, so a lookup of an operation by (workspace, id) never takes another index.

-- How many records each archive operation still holds archived (records.archive_operation), kept by the
-- statements that log operations and import seeds (see OperationLog), here counted once from the records.
ALTER TABLE operations ADD COLUMN still_archived BIGINT NOT NULL DEFAULT 0;
UPDATE operations o SET still_archived = h.n
FROM (SELECT workspace, archive_operation, COUNT(*) AS n FROM records
      WHERE archive_operation IS NOT NULL GROUP BY workspace, archive_operation) h
WHERE o.workspace = h.workspace AND o.id = h.archive_operation;

-- Each record an operation touched, with the archive operation that held it before (null when it was
-- active): a restore or a purge takes its records off those operations' counts when it is logged. The
-- walks carry it through cascade_walk too.
ALTER TABLE operation_records ADD COLUMN archived_by UUID;
ALTER TABLE cascade_walk ADD COLUMN archived_by UUID;

CREATE INDEX operations_of_kind ON operations (kind, workspace, id);
CREATE INDEX operations_of_actor ON operations (actor, workspace, id);
-- Also what GET /records' archived_by asks (an actor's archive operations): V8.1's index for it goes.
DROP INDEX operations_by_actor;
CREATE INDEX operations_of_actor_and_kind ON operations (actor, kind, workspace, id);
CREATE INDEX operations_holding ON operations (workspace, id) WHERE still_archived > 0;
CREATE INDEX operations_holding_of_actor ON operations (actor, workspace, id) WHERE still_archived > 0;
