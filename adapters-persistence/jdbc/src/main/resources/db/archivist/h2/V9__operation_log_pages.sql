-- The PostgreSQL migration of the same number (see its comments) in H2's dialect. H2 has no partial
-- indexes: holding_workspace holds the workspace only while the operation still holds archived records,
-- and is indexed instead.
ALTER TABLE operations ADD COLUMN still_archived BIGINT DEFAULT 0 NOT NULL;
UPDATE operations o SET still_archived =
    (SELECT COUNT(*) FROM records r WHERE r.workspace = o.workspace AND r.archive_operation = o.id)
WHERE kind = 'ARCHIVE';
ALTER TABLE operations ADD COLUMN holding_workspace VARCHAR(128)
    GENERATED ALWAYS AS (CASE WHEN still_archived > 0 THEN workspace END);

ALTER TABLE operation_records ADD COLUMN archived_by UUID;
ALTER TABLE cascade_walk ADD COLUMN archived_by UUID;

CREATE INDEX operations_of_kind ON operations (workspace, kind, id);
CREATE INDEX operations_of_actor ON operations (workspace, actor, id);
-- Also what GET /records' archived_by asks (an actor's archive operations): V8.1's index for it goes.
DROP INDEX operations_by_actor;
CREATE INDEX operations_of_actor_and_kind ON operations (workspace, actor, kind, id);
CREATE INDEX operations_holding ON operations (holding_workspace, id);
CREATE INDEX operations_holding_of_actor ON operations (holding_workspace, actor, id);
