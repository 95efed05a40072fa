-- The attribute that names a record of the type for people (ObjectType.titleOf): NULL when the type
-- has none, and its records are named by their key, else their id.
ALTER TABLE object_types ADD COLUMN title_attribute VARCHAR(255);
