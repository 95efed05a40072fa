-- Finding records (docs/api.md#finding): the PostgreSQL migration of the same number (see its comments)
-- in MariaDB's dialect. MariaDB has no trigram index: q reads the search text of the records it walks.
CREATE TABLE record_search (
    record_id   BINARY(16)   NOT NULL,
    workspace   VARCHAR(128) NOT NULL,
    type        VARCHAR(63)  NOT NULL,
    search_text LONGTEXT     NOT NULL,
    CONSTRAINT record_search_pk PRIMARY KEY (workspace, record_id),
    CONSTRAINT record_search_record FOREIGN KEY (workspace, record_id)
        REFERENCES records (workspace, id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX records_by_key ON records (workspace, record_key, id);
DROP INDEX records_of_operation ON records;
CREATE INDEX records_of_operation ON records (workspace, archive_operation, id);
DROP INDEX records_archived_since ON records;
CREATE INDEX records_archived_since ON records (workspace, archived_type, deleted_at, id);
CREATE INDEX records_archived_newest ON records (workspace, deleted_at, id);
CREATE INDEX operations_by_actor ON operations (workspace, actor, kind);
