-- R10: the application keeps the first answer to a key as text of the adapter's (RememberedAnswer), no
-- longer its status, headers and body apart. Answers kept before are written the way the REST adapter
-- writes one (status line, headers line, body), so a repeat within their 24 hours still gets them.
ALTER TABLE idempotent_requests ADD COLUMN answer TEXT;
UPDATE idempotent_requests SET answer = CAST(status AS TEXT) || chr(10) || headers || chr(10) || body;
ALTER TABLE idempotent_requests ALTER COLUMN answer SET NOT NULL;
ALTER TABLE idempotent_requests DROP COLUMN status;
ALTER TABLE idempotent_requests DROP COLUMN body;
ALTER TABLE idempotent_requests DROP COLUMN headers;
