-- officebridge example host on PostgreSQL: schema version 2.
--
-- Administrators of the connector (UserDirectory.isAdministrator): they may open its admin page,
-- run the settings check, read the metrics and act on editing sessions, locks and forgotten files.
-- Applied after schema.sql, like it in one transaction under the advisory lock; idempotent.

ALTER TABLE users ADD COLUMN IF NOT EXISTS is_admin boolean NOT NULL DEFAULT false;

INSERT INTO pghost_schema (version) VALUES (2) ON CONFLICT (version) DO NOTHING;
