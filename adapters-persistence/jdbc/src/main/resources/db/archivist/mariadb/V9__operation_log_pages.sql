-- The PostgreSQL migration of the same number (see its comments) in MariaDB's dialect. MariaDB has no
-- partial indexes: holding_workspace holds the workspace only while the operation still holds archived
-- records, and is indexed instead.
ALTER TABLE operations ADD COLUMN still_archived BIGINT NOT NULL DEFAULT 0;
UPDATE operations o
JOIN (SELECT workspace, archive_operation, COUNT(*) AS n FROM records
      WHERE archive_operation IS NOT NULL GROUP BY workspace, archive_operation) h
  ON o.workspace = h.workspace AND o.id = h.archive_operation
SET o.still_archived = h.n;
ALTER TABLE operations ADD COLUMN holding_workspace VARCHAR(128)
    AS (CASE WHEN still_archived > 0 THEN workspace END) PERSISTENT;

ALTER TABLE operation_records ADD COLUMN archived_by BINARY(16);
ALTER TABLE cascade_walk ADD COLUMN archived_by BINARY(16);

CREATE INDEX operations_of_kind ON operations (workspace, kind, id);
CREATE INDEX operations_of_actor ON operations (workspace, actor, id);
-- Also what GET /records' archived_by asks (an actor's archive operations): V8.1's index for it goes.
DROP INDEX operations_by_actor ON operations;
CREATE INDEX operations_of_actor_and_kind ON operations (workspace, actor, kind, id);
CREATE INDEX operations_holding ON operations (holding_workspace, id);
CREATE INDEX operations_holding_of_actor ON operations (holding_workspace, actor, id);
