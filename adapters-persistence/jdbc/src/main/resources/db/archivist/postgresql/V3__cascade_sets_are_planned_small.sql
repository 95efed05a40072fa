-- A cascade's statements start from its set (a run of cascade_walk, or an operation's rows of
-- operation_records) and reach every other table by key. What the planner knows of those sets is
-- an average over all cascades since the last ANALYZE: after a few large ones it would plan a
-- small cascade as a hash join over a whole table. Declaring every run and operation distinct makes
-- it plan each set as a few rows: index lookups from the set, whose cost follows the set's own
-- size (for a large set too) and never the table's.
ALTER TABLE cascade_walk ALTER COLUMN run_id SET (n_distinct = -1);
ALTER TABLE operation_records ALTER COLUMN operation_id SET (n_distinct = -1);
ANALYZE cascade_walk;
ANALYZE operation_records;
