-- Finding records (docs/api.md#finding): GET /records with key, q, archived_by, archived_after/_before,
-- operation and sort=-deleted_at, each served by an index.

-- q: the text it searches (SearchText: the key and the string attributes, lower-cased), one row per
-- record, apart from records so that archiving and restoring (which rewrite every row they touch,
-- in every index of records) never rewrite its trigram index. Written with the record and with every
-- change of its attributes; its rows go with their record's (ON DELETE CASCADE), so a purge leaves
-- none of its text behind (R3).
CREATE TABLE record_search (
    record_id   UUID         NOT NULL,
    workspace   VARCHAR(128) NOT NULL,
    type        VARCHAR(63)  NOT NULL,
    search_text TEXT         NOT NULL,
    -- Not led by workspace: see V4 (only the key a check needs may start with its columns).
    CONSTRAINT record_search_pk PRIMARY KEY (record_id, workspace),
    CONSTRAINT record_search_record FOREIGN KEY (workspace, record_id)
        REFERENCES records (workspace, id) ON DELETE CASCADE
);

-- key without a type (with a type, records_key_unique serves it). Partial, so that no lookup of a
-- record by (workspace, id), which says nothing of record_key, can take it for a way there (V2).
CREATE INDEX records_by_key ON records (record_key, workspace, id) WHERE record_key IS NOT NULL;

-- operation: an archive operation's records in id order (the cascades' look-ups by operation use it as before).
DROP INDEX records_of_operation;
CREATE INDEX records_of_operation ON records (workspace, archive_operation, id) WHERE archive_operation IS NOT NULL;

-- sort=-deleted_at and archived_after/_before: a type's archived records by time then id, walked
-- backwards for newest first (R11's retention job reads it forwards); and the same across types.
DROP INDEX records_archived_since;
CREATE INDEX records_archived_since ON records (workspace, type, deleted_at, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX records_archived_newest ON records (workspace, deleted_at, id) WHERE deleted_at IS NOT NULL;

-- archived_by: the archive operations of one actor (records then come by records_of_operation).
CREATE INDEX operations_by_actor ON operations (workspace, actor, kind);
