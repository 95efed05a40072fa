-- Only records_pk may start with workspace among the indexes of records that a lookup by
-- (workspace, id) can use: the foreign-key checks of record_parents and unique_values are such
-- lookups, and PostgreSQL plans each once per connection. Planned while records is nearly empty (a
-- fresh database, the first seed), every index starting with workspace costs the same, and it picked
-- records_of_type, then records_key_unique (a workspace range filtered on id): every check then walked
-- the whole workspace, and an import of n records took time in n squared (a 200,000-record seed did
-- not finish in 10 minutes; see BENCHMARKS.md). With type first, both indexes serve what they are for
-- as before (workspace and type are both equalities there) and no longer look like a way to a record.
DROP INDEX records_of_type;
CREATE INDEX records_of_type ON records (type, workspace, id);
ALTER TABLE records DROP CONSTRAINT records_key_unique;
ALTER TABLE records ADD CONSTRAINT records_key_unique UNIQUE (type, workspace, record_key);
