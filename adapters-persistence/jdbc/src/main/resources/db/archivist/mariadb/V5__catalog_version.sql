-- The version of each workspace's catalog (see CatalogStore.version): every change of its object
-- types sets a new one in the same transaction, so a service instance that caches a catalog sees,
-- with one point read, whether any instance changed it since. 0: never changed (no types saved).
ALTER TABLE workspaces ADD COLUMN catalog_version BIGINT NOT NULL DEFAULT 0;
