-- Archivist JDBC store, MariaDB: the PostgreSQL schema (see its comments) in MariaDB's dialect.
-- Ids are BINARY(16): byte order is the order of RecordId, which keyset paging relies on.
-- Text compares exactly (utf8mb4_bin): keys, types and workspaces are case-sensitive.
-- MariaDB has no partial indexes: active_type and archived_type are generated columns that hold
-- the type only while the record is active (archived), and are indexed instead.

CREATE TABLE workspaces (
    id VARCHAR(128) NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE object_types (
    workspace         VARCHAR(128) NOT NULL,
    name              VARCHAR(63)  NOT NULL,
    archivable        BOOLEAN      NOT NULL,
    parent_types      LONGTEXT     NOT NULL,
    unique_attributes LONGTEXT     NOT NULL,
    retention         VARCHAR(64),
    CONSTRAINT object_types_pk PRIMARY KEY (workspace, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE records (
    workspace         VARCHAR(128) NOT NULL,
    id                BINARY(16)   NOT NULL,
    type              VARCHAR(63)  NOT NULL,
    record_key        VARCHAR(255),
    attributes        LONGTEXT     NOT NULL,
    parent_ids        LONGTEXT     NOT NULL,
    deleted_at        DATETIME(6),
    archive_operation BINARY(16),
    version           BIGINT       NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    created_by        VARCHAR(255) NOT NULL,
    updated_by        VARCHAR(255) NOT NULL,
    active_type       VARCHAR(63) AS (CASE WHEN deleted_at IS NULL THEN type END) PERSISTENT,
    archived_type     VARCHAR(63) AS (CASE WHEN deleted_at IS NOT NULL THEN type END) PERSISTENT,
    CONSTRAINT records_pk PRIMARY KEY (workspace, id),
    CONSTRAINT records_key_unique UNIQUE (workspace, type, record_key),
    CONSTRAINT records_archived_by_one_operation CHECK ((deleted_at IS NULL) = (archive_operation IS NULL)),
    INDEX records_active_of_type (workspace, active_type, id),
    INDEX records_archived_of_type (workspace, archived_type, id),
    INDEX records_of_type (workspace, type, id),
    INDEX records_archived_since (workspace, archived_type, deleted_at),
    INDEX records_of_operation (workspace, archive_operation)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE record_parents (
    workspace VARCHAR(128) NOT NULL,
    child_id  BINARY(16)   NOT NULL,
    parent_id BINARY(16)   NOT NULL,
    CONSTRAINT record_parents_pk PRIMARY KEY (workspace, child_id, parent_id),
    INDEX record_parents_by_parent (workspace, parent_id, child_id),
    CONSTRAINT record_parents_child FOREIGN KEY (workspace, child_id) REFERENCES records (workspace, id),
    CONSTRAINT record_parents_parent FOREIGN KEY (workspace, parent_id) REFERENCES records (workspace, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE unique_values (
    workspace   VARCHAR(128)  NOT NULL,
    record_id   BINARY(16)    NOT NULL,
    type        VARCHAR(63)   NOT NULL,
    attribute   VARCHAR(1024) NOT NULL,
    value_hash  CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    active_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
    CONSTRAINT unique_values_pk PRIMARY KEY (workspace, record_id, value_hash),
    CONSTRAINT unique_values_among_active UNIQUE (workspace, type, active_hash),
    INDEX unique_values_by_value (workspace, type, value_hash),
    CONSTRAINT unique_values_record FOREIGN KEY (workspace, record_id) REFERENCES records (workspace, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE operations (
    workspace   VARCHAR(128) NOT NULL,
    id          BINARY(16)   NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    happened_at DATETIME(6)  NOT NULL,
    root_ids    LONGTEXT     NOT NULL,
    counts      LONGTEXT     NOT NULL,
    CONSTRAINT operations_pk PRIMARY KEY (workspace, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE operation_records (
    workspace    VARCHAR(128) NOT NULL,
    operation_id BINARY(16)   NOT NULL,
    record_id    BINARY(16)   NOT NULL,
    type         VARCHAR(63)  NOT NULL,
    CONSTRAINT operation_records_pk PRIMARY KEY (workspace, operation_id, record_id),
    INDEX operation_records_by_record (workspace, record_id, operation_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE idempotent_requests (
    workspace   VARCHAR(128) NOT NULL,
    key_hash    CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    fingerprint LONGTEXT     NOT NULL,
    status      INTEGER      NOT NULL,
    body        LONGTEXT     NOT NULL,
    headers     LONGTEXT     NOT NULL,
    answered_at DATETIME(6)  NOT NULL,
    CONSTRAINT idempotent_requests_pk PRIMARY KEY (workspace, key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE cascade_walk (
    run_id    BINARY(16)   NOT NULL,
    record_id BINARY(16)   NOT NULL,
    workspace VARCHAR(128) NOT NULL,
    type      VARCHAR(63)  NOT NULL,
    depth     INTEGER      NOT NULL,
    CONSTRAINT cascade_walk_pk PRIMARY KEY (run_id, record_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
