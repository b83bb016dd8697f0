-- Demo users and groups of the officebridge example host on PostgreSQL, like the demo DMS's
-- (loaded by `PgHostImport --demo-users`; running it again changes nothing). Each user's login is
-- the id: a container principal "editor" acts as Eddie Editor. Olivia Owner administers the
-- connector (its admin page, settings check and metrics).
INSERT INTO groups (name) VALUES ('staff'), ('reviewers'), ('clients') ON CONFLICT DO NOTHING;

INSERT INTO users (id, name, email, locale) VALUES
  ('owner',     'Olivia Owner',     'owner@demo.officebridge.invalid',     'en'),
  ('editor',    'Eddie Editor',     'editor@demo.officebridge.invalid',    'en'),
  ('reviewer',  'Rita Reviewer',    'reviewer@demo.officebridge.invalid',  'en'),
  ('commenter', 'Carl Commenter',   'commenter@demo.officebridge.invalid', 'en'),
  ('filler',    'Fiona Filler',     'filler@demo.officebridge.invalid',    'en'),
  ('viewer',    'Victor Viewer',    'viewer@demo.officebridge.invalid',    'en')
ON CONFLICT DO NOTHING;

INSERT INTO group_members (group_name, user_id) VALUES
  ('staff', 'owner'), ('staff', 'editor'), ('reviewers', 'reviewer'), ('reviewers', 'commenter'),
  ('clients', 'filler'), ('clients', 'viewer')
ON CONFLICT DO NOTHING;

UPDATE users SET is_admin = true WHERE id = 'owner';
