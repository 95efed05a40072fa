-- q: a substring of the search text, served by a trigram index (pg_trgm ships with PostgreSQL; creating it
-- needs the CREATE privilege on the database, which the owner has: docs/configuration.md). Made after
-- V8.2 filled record_search for the records written before it, which is faster than keeping it up to
-- date row by row.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX record_search_text ON record_search USING gin (search_text gin_trgm_ops);
