-- R10: the application keeps the first answer to a key as text of the adapter's (RememberedAnswer), no
-- longer its status, headers and body apart. Answers kept before are written the way the REST adapter
-- writes one (status line, headers line, body), so a repeat within their 24 hours still gets them.
ALTER TABLE idempotent_requests ADD COLUMN answer LONGTEXT;
UPDATE idempotent_requests SET answer = CONCAT(status, CHAR(10 USING utf8mb4), headers, CHAR(10 USING utf8mb4), body);
ALTER TABLE idempotent_requests MODIFY answer LONGTEXT NOT NULL;
ALTER TABLE idempotent_requests DROP COLUMN status;
ALTER TABLE idempotent_requests DROP COLUMN body;
ALTER TABLE idempotent_requests DROP COLUMN headers;
