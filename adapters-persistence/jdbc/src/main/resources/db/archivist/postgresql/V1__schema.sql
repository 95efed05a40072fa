-- Archivist JDBC store, PostgreSQL. The H2 and MariaDB folders hold the same schema in their dialects.

-- One row per workspace: every write locks its workspace's row first (FOR UPDATE), which serialises
-- the writes of a workspace (R8) and makes the services' check-then-act safe.
CREATE TABLE workspaces (
    id VARCHAR(128) PRIMARY KEY
);

CREATE TABLE object_types (
    workspace         VARCHAR(128) NOT NULL,
    name              VARCHAR(63)  NOT NULL,
    archivable        BOOLEAN      NOT NULL,
    parent_types      TEXT         NOT NULL, -- JSON array of type names
    unique_attributes TEXT         NOT NULL, -- JSON array of attribute names
    retention         VARCHAR(64),
    CONSTRAINT object_types_pk PRIMARY KEY (workspace, name)
);

CREATE TABLE records (
    workspace         VARCHAR(128) NOT NULL,
    id                UUID         NOT NULL,
    type              VARCHAR(63)  NOT NULL,
    record_key        VARCHAR(255),
    attributes        TEXT         NOT NULL, -- JSON object, kept as the service wrote it
    parent_ids        TEXT         NOT NULL, -- the parents in order, comma-separated; the graph itself is record_parents
    deleted_at        TIMESTAMP WITH TIME ZONE,
    archive_operation UUID,
    version           BIGINT       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(255) NOT NULL,
    updated_by        VARCHAR(255) NOT NULL,
    CONSTRAINT records_pk PRIMARY KEY (workspace, id),
    -- R6: a key is unique among all records of its type, archived too (NULL keys never collide).
    CONSTRAINT records_key_unique UNIQUE (workspace, type, record_key),
    -- I2: an archived record carries exactly one operation.
    CONSTRAINT records_archived_by_one_operation CHECK ((deleted_at IS NULL) = (archive_operation IS NULL))
);
-- Listing (keyset, in id order): active records of a type, archived records of a type, any of a type.
CREATE INDEX records_active_of_type ON records (workspace, type, id) WHERE deleted_at IS NULL;
CREATE INDEX records_archived_of_type ON records (workspace, type, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX records_of_type ON records (workspace, type, id);
-- R11: archived records of a type by archive time.
CREATE INDEX records_archived_since ON records (workspace, type, deleted_at) WHERE deleted_at IS NOT NULL;
-- R5: the records an operation archived.
CREATE INDEX records_of_operation ON records (workspace, archive_operation) WHERE archive_operation IS NOT NULL;

-- The dependency graph, walked downwards by cascades and upwards by R7's reach test.
-- I3: no edge names a record that does not exist (a purge removes the edges of what it removes first).
CREATE TABLE record_parents (
    workspace VARCHAR(128) NOT NULL,
    child_id  UUID         NOT NULL,
    parent_id UUID         NOT NULL,
    CONSTRAINT record_parents_pk PRIMARY KEY (workspace, child_id, parent_id),
    CONSTRAINT record_parents_child FOREIGN KEY (workspace, child_id) REFERENCES records (workspace, id),
    CONSTRAINT record_parents_parent FOREIGN KEY (workspace, parent_id) REFERENCES records (workspace, id)
);
CREATE INDEX record_parents_by_parent ON record_parents (workspace, parent_id, child_id);

-- R6, enforced by the database: one row per unique attribute a record holds. active_hash equals
-- value_hash while the record is active and is NULL while it is archived; NULLs never collide, so
-- the UNIQUE constraint holds among active records only. Archive and restore flip it set-wise.
CREATE TABLE unique_values (
    workspace   VARCHAR(128)  NOT NULL,
    record_id   UUID          NOT NULL,
    type        VARCHAR(63)   NOT NULL,
    attribute   VARCHAR(1024) NOT NULL,
    value_hash  CHAR(64)      NOT NULL, -- SHA-256 of the attribute name and its canonical value (UniqueValues)
    active_hash CHAR(64),
    CONSTRAINT unique_values_pk PRIMARY KEY (workspace, record_id, value_hash),
    CONSTRAINT unique_values_among_active UNIQUE (workspace, type, active_hash),
    CONSTRAINT unique_values_record FOREIGN KEY (workspace, record_id) REFERENCES records (workspace, id)
);
CREATE INDEX unique_values_by_value ON unique_values (workspace, type, value_hash);

CREATE TABLE operations (
    workspace   VARCHAR(128) NOT NULL,
    id          UUID         NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    happened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    root_ids    TEXT         NOT NULL, -- JSON array
    counts      TEXT         NOT NULL, -- JSON object: type -> count
    CONSTRAINT operations_pk PRIMARY KEY (workspace, id)
);

-- Which records each operation touched (history). Ids and types only: a purged record leaves
-- nothing else behind. Cascades also use an operation's rows as the set they act on.
CREATE TABLE operation_records (
    workspace    VARCHAR(128) NOT NULL,
    operation_id UUID         NOT NULL,
    record_id    UUID         NOT NULL,
    type         VARCHAR(63)  NOT NULL,
    CONSTRAINT operation_records_pk PRIMARY KEY (workspace, operation_id, record_id)
);
CREATE INDEX operation_records_by_record ON operation_records (workspace, record_id, operation_id);

-- R10: the first response to each Idempotency-Key.
CREATE TABLE idempotent_requests (
    workspace   VARCHAR(128) NOT NULL,
    key_hash    CHAR(64)     NOT NULL, -- SHA-256 of the scoped key
    fingerprint TEXT         NOT NULL,
    status      INTEGER      NOT NULL,
    body        TEXT         NOT NULL,
    headers     TEXT         NOT NULL, -- JSON object
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotent_requests_pk PRIMARY KEY (workspace, key_hash)
);

-- Scratch: the sets of cascade walks (see CascadeQueries), one run per set. Rows live only inside
-- the statements that use them: a run is deleted before its walk returns, and a rollback removes
-- it. UNLOGGED: nothing in it needs to survive a crash.
CREATE UNLOGGED TABLE cascade_walk (
    run_id    UUID         NOT NULL,
    record_id UUID         NOT NULL,
    workspace VARCHAR(128) NOT NULL,
    type      VARCHAR(63)  NOT NULL,
    depth     INTEGER      NOT NULL,
    CONSTRAINT cascade_walk_pk PRIMARY KEY (run_id, record_id)
);
