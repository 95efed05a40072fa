-- V2 again, for the other tables that foreign keys look into. PostgreSQL plans each foreign-key
-- check once per connection, maybe while the table is empty, when every index leading with
-- workspace looks as good as another; picking the wrong one makes every check walk the workspace,
-- and a purge (which checks each removed record) quadratic. So on each table only the index a check
-- needs starts with the columns the check gives, and no other index starts with workspace alone:
--   record_parents: the child check (workspace, child_id) uses the primary key, the parent check
--   (workspace, parent_id) uses record_parents_by_parent; unique_values: its check (workspace,
--   record_id) uses the primary key. Every query of the store gives all the columns either way.
ALTER TABLE record_parents DROP CONSTRAINT record_parents_pk;
ALTER TABLE record_parents ADD CONSTRAINT record_parents_pk PRIMARY KEY (child_id, workspace, parent_id);
DROP INDEX record_parents_by_parent;
CREATE INDEX record_parents_by_parent ON record_parents (parent_id, workspace, child_id);
ALTER TABLE unique_values DROP CONSTRAINT unique_values_among_active;
ALTER TABLE unique_values ADD CONSTRAINT unique_values_among_active UNIQUE (type, workspace, active_hash);
DROP INDEX unique_values_by_value;
CREATE INDEX unique_values_by_value ON unique_values (type, workspace, value_hash);
