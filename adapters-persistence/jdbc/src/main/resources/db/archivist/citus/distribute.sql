-- Distributes the PostgreSQL store's tables on a Citus cluster by workspace (docs/citus.md).
--
-- An operator runs it once, on the coordinator, in the service's database, after the service's first
-- start created the schema there (Flyway migrates on start) and before the store holds much data:
--   psql -h COORDINATOR -U postgres -d archivist -v ON_ERROR_STOP=1 -f distribute.sql
-- Running it again does no harm: a table already distributed (or already a reference table) is skipped.
-- Run it again after isolating a workspace or splitting shards (docs/citus.md, "Rebalancing").
-- It is one statement, so one transaction: if a table cannot be distributed, nothing is.
--
-- Every statement of the store names the workspace of each table it reads or writes, so Citus routes
-- it to the one worker holding that workspace; every table is co-located with workspaces, so the rows
-- of one workspace, in every table, sit in the same shard group on the same worker.
-- Not a Flyway migration: Flyway reads only db/archivist/<dialect>, and this folder is none of them.
DO $distribute$
DECLARE
    table_name text;
BEGIN
    -- Parents before the tables whose foreign keys reference them: Citus refuses a foreign key from a
    -- distributed table to a table that is still local.
    IF NOT EXISTS (SELECT 1 FROM pg_dist_partition
                   WHERE logicalrelid = 'workspaces'::regclass AND partmethod = 'h') THEN
        RAISE NOTICE 'distributing workspaces by id';
        PERFORM create_distributed_table('workspaces', 'id');
    END IF;
    FOREACH table_name IN ARRAY ARRAY[
            'object_types',
            'records',
            'record_parents',      -- references records
            'unique_values',       -- references records
            'record_search',       -- references records
            'operations',
            'operation_records',
            'idempotent_requests',
            'cascade_walk'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_dist_partition
                       WHERE logicalrelid = table_name::regclass AND partmethod = 'h') THEN
            RAISE NOTICE 'distributing % by workspace, co-located with workspaces', table_name;
            PERFORM create_distributed_table(table_name, 'workspace', colocate_with => 'workspaces');
        END IF;
    END LOOP;
    -- Not a workspace's: one row per job that takes turns across the service's instances. A copy on
    -- every node, written on all of them at once.
    IF NOT EXISTS (SELECT 1 FROM pg_dist_partition
                   WHERE logicalrelid = 'scheduled_turns'::regclass AND repmodel = 't') THEN
        RAISE NOTICE 'making scheduled_turns a reference table';
        PERFORM create_reference_table('scheduled_turns');
    END IF;
    -- V3's planner hint (every run of cascade_walk and every operation of operation_records is a few rows)
    -- is a column option of the coordinator's table, which the shards do not inherit, and Citus refuses
    -- ALTER COLUMN ... SET (n_distinct) on a distributed table: so it is set on each shard, every time
    -- the script runs (a shard made later, by isolating a workspace or splitting, gets it at the next run).
    PERFORM run_command_on_shards('cascade_walk',
        $$ALTER TABLE %s ALTER COLUMN run_id SET (n_distinct = -1)$$);
    PERFORM run_command_on_shards('operation_records',
        $$ALTER TABLE %s ALTER COLUMN operation_id SET (n_distinct = -1)$$);
    -- R14: a write waits for its workspace's turn at most archivist.lifecycle.write-wait (30 s unless
    -- configured), then answers 409. The service bounds that wait with SET LOCAL lock_timeout, which Citus
    -- keeps on the coordinator: the workspace's row is locked on its worker, where the wait would go on
    -- until the statement timeout (a 503 after minutes). A database default reaches the workers too (Citus
    -- carries ALTER DATABASE ... SET to them). Keep it equal to write-wait (docs/citus.md).
    EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '30s');
    -- Flyway's history (archivist_schema_history) stays a local table of the coordinator, where the
    -- service migrates. Any other local table here is not one this script knows: a table added by a
    -- later migration must be distributed too (docs/citus.md, "Migrations").
    FOR table_name IN
        SELECT t.tablename FROM pg_tables t
        WHERE t.schemaname = current_schema()
          AND t.tablename <> 'archivist_schema_history'
          AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p
                          WHERE p.logicalrelid = format('%I.%I', t.schemaname, t.tablename)::regclass)
    LOOP
        RAISE WARNING 'table % is left local to the coordinator: distribute it, or make it a reference table', table_name;
    END LOOP;
END
$distribute$;
