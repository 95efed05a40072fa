-- Archivist JDBC store, H2 (native mode): the PostgreSQL schema (see its comments) in H2's dialect.
-- H2 has no partial indexes: active_type and archived_type are generated columns that hold the
-- type only while the record is active (archived), and are indexed instead.
-- H2's recursive queries do not drop rows reached twice, so cascades walk the graph one level per
-- statement instead (see LevelCascadeQueries), with the depth of each record in cascade_walk.

CREATE TABLE workspaces (
    id VARCHAR(128) PRIMARY KEY
);

CREATE TABLE object_types (
    workspace         VARCHAR(128) NOT NULL,
    name              VARCHAR(63)  NOT NULL,
    archivable        BOOLEAN      NOT NULL,
    parent_types      CHARACTER LARGE OBJECT NOT NULL,
    unique_attributes CHARACTER LARGE OBJECT NOT NULL,
    retention         VARCHAR(64),
    CONSTRAINT object_types_pk PRIMARY KEY (workspace, name)
);

CREATE TABLE records (
    workspace         VARCHAR(128) NOT NULL,
    id                UUID         NOT NULL,
    type              VARCHAR(63)  NOT NULL,
    record_key        VARCHAR(255),
    attributes        CHARACTER LARGE OBJECT NOT NULL,
    parent_ids        CHARACTER LARGE OBJECT NOT NULL,
    deleted_at        TIMESTAMP(6) WITH TIME ZONE,
    archive_operation UUID,
    version           BIGINT       NOT NULL,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_by        VARCHAR(255) NOT NULL,
    updated_by        VARCHAR(255) NOT NULL,
    active_type       VARCHAR(63) GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN type END),
    archived_type     VARCHAR(63) GENERATED ALWAYS AS (CASE WHEN deleted_at IS NOT NULL THEN type END),
    CONSTRAINT records_pk PRIMARY KEY (workspace, id),
    CONSTRAINT records_key_unique UNIQUE (workspace, type, record_key),
    CONSTRAINT records_archived_by_one_operation CHECK ((deleted_at IS NULL) = (archive_operation IS NULL))
);
CREATE INDEX records_active_of_type ON records (workspace, active_type, id);
CREATE INDEX records_archived_of_type ON records (workspace, archived_type, id);
CREATE INDEX records_of_type ON records (workspace, type, id);
CREATE INDEX records_archived_since ON records (workspace, archived_type, deleted_at);
CREATE INDEX records_of_operation ON records (workspace, archive_operation);

CREATE TABLE record_parents (
    workspace VARCHAR(128) NOT NULL,
    child_id  UUID         NOT NULL,
    parent_id UUID         NOT NULL,
    CONSTRAINT record_parents_pk PRIMARY KEY (workspace, child_id, parent_id),
    CONSTRAINT record_parents_child FOREIGN KEY (workspace, child_id) REFERENCES records (workspace, id),
    CONSTRAINT record_parents_parent FOREIGN KEY (workspace, parent_id) REFERENCES records (workspace, id)
);
CREATE INDEX record_parents_by_parent ON record_parents (workspace, parent_id, child_id);

CREATE TABLE unique_values (
    workspace   VARCHAR(128)  NOT NULL,
    record_id   UUID          NOT NULL,
    type        VARCHAR(63)   NOT NULL,
    attribute   VARCHAR(1024) NOT NULL,
    value_hash  CHAR(64)      NOT NULL,
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
    happened_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    root_ids    CHARACTER LARGE OBJECT NOT NULL,
    counts      CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT operations_pk PRIMARY KEY (workspace, id)
);

CREATE TABLE operation_records (
    workspace    VARCHAR(128) NOT NULL,
    operation_id UUID         NOT NULL,
    record_id    UUID         NOT NULL,
    type         VARCHAR(63)  NOT NULL,
    CONSTRAINT operation_records_pk PRIMARY KEY (workspace, operation_id, record_id)
);
CREATE INDEX operation_records_by_record ON operation_records (workspace, record_id, operation_id);

CREATE TABLE idempotent_requests (
    workspace   VARCHAR(128) NOT NULL,
    key_hash    CHAR(64)     NOT NULL,
    fingerprint CHARACTER LARGE OBJECT NOT NULL,
    status      INTEGER      NOT NULL,
    body        CHARACTER LARGE OBJECT NOT NULL,
    headers     CHARACTER LARGE OBJECT NOT NULL,
    answered_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotent_requests_pk PRIMARY KEY (workspace, key_hash)
);

-- Scratch: the sets of cascade walks (see CascadeQueries), one run per set. Rows live only inside
-- the statements that use them: a run is deleted before its walk returns, and a rollback removes it.
CREATE TABLE cascade_walk (
    run_id    UUID         NOT NULL,
    record_id UUID         NOT NULL,
    workspace VARCHAR(128) NOT NULL,
    type      VARCHAR(63)  NOT NULL,
    depth     INTEGER      NOT NULL,
    CONSTRAINT cascade_walk_pk PRIMARY KEY (run_id, record_id)
);
CREATE INDEX cascade_walk_by_depth ON cascade_walk (run_id, depth);
