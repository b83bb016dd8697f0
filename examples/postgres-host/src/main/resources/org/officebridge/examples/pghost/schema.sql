-- officebridge example host on PostgreSQL: schema version 1.
--
-- Applied by PgHostDatabase when the host starts, in one transaction under an advisory lock, to the
-- first schema of the connection's search_path, unless pghost_schema already records version 1.
-- Every statement is idempotent as well, so running the script twice by hand is harmless. A
-- later change goes into a new script (schema-2.sql, ...) that PgHostDatabase applies after this
-- one; released scripts are never edited.

CREATE TABLE IF NOT EXISTS pghost_schema (
  version    integer     PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- Folders of the DMS: where documents live, for "go back" links and name uniqueness.
CREATE TABLE IF NOT EXISTS folders (
  id   text PRIMARY KEY,
  name text NOT NULL,
  url  text NOT NULL  -- the folder's page, absolute or relative to the connector's pages
);

-- Users and groups. login is the name of the container's principal (default: the id).
CREATE TABLE IF NOT EXISTS users (
  id          text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
  login       text,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 128 AND name !~ '^\s*$'),
  email       text,
  avatar_url  text,
  locale      text NOT NULL DEFAULT 'en',
  home_folder text REFERENCES folders (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS users_login ON users ((coalesce(login, id)));

CREATE TABLE IF NOT EXISTS groups (
  name text PRIMARY KEY
);

CREATE TABLE IF NOT EXISTS group_members (
  group_name text NOT NULL REFERENCES groups (name) ON DELETE CASCADE,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_name, user_id)
);
CREATE INDEX IF NOT EXISTS group_members_user ON group_members (user_id);

-- Content: immutable blobs cut into chunks of at most 1 MiB, written and made visible in the
-- transaction that references them. A copied document shares its source's blob; a blob is deleted
-- with the last version referring to it. EXTERNAL: office files are compressed already.
CREATE TABLE IF NOT EXISTS blobs (
  id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  size bigint NOT NULL DEFAULT 0 CHECK (size >= 0)
);

CREATE TABLE IF NOT EXISTS blob_chunks (
  blob_id bigint  NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
  seq     integer NOT NULL CHECK (seq >= 0),
  data    bytea   NOT NULL,
  PRIMARY KEY (blob_id, seq)
);
ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- Documents: current_version is the compare-and-set column of every save.
CREATE TABLE IF NOT EXISTS documents (
  id              text        PRIMARY KEY,
  title           text        NOT NULL,
  folder_id       text        REFERENCES folders (id),
  owner_id        text        NOT NULL,
  current_version text        NOT NULL,
  created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS documents_title_in_folder
  ON documents ((coalesce(folder_id, '')), (lower(title)));
CREATE INDEX IF NOT EXISTS documents_owner ON documents (owner_id);

-- Versions, each with its content blob, the Document Server's history data and changes archive.
CREATE TABLE IF NOT EXISTS versions (
  document_id            text        NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  version                text        NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
  number                 integer     NOT NULL CHECK (number >= 1),
  blob_id                bigint      NOT NULL REFERENCES blobs (id),
  size                   bigint      NOT NULL CHECK (size >= 0),
  file_type              text        NOT NULL,
  kind                   text        NOT NULL CHECK (kind IN
                           ('EDIT_FINAL', 'EDIT_INTERMEDIATE', 'RESTORE', 'CONVERSION', 'UPLOAD', 'CREATED')),
  author_id              text        NOT NULL,
  author_name            text        NOT NULL,
  session_key            text,
  created_at             timestamptz NOT NULL,
  history_key            text,
  history_changes        text,
  history_server_version text,
  changes_blob_id        bigint      REFERENCES blobs (id),
  PRIMARY KEY (document_id, version),
  UNIQUE (document_id, number),
  CHECK ((history_key IS NULL) = (history_changes IS NULL)
     AND (history_key IS NULL) = (history_server_version IS NULL))
);
CREATE INDEX IF NOT EXISTS versions_blob ON versions (blob_id);
CREATE INDEX IF NOT EXISTS versions_changes_blob ON versions (changes_blob_id)
  WHERE changes_blob_id IS NOT NULL;

-- A document's current version must exist; checked at commit, when both rows are written.
DO $$
BEGIN
  ALTER TABLE documents ADD CONSTRAINT documents_current_version_fk
    FOREIGN KEY (id, current_version) REFERENCES versions (document_id, version)
    DEFERRABLE INITIALLY DEFERRED;
EXCEPTION WHEN duplicate_object THEN
  NULL;
END
$$;

-- Rights: user or group x document x permission (the SPI's Permission names, plus DENY, which
-- takes every right away from whom it names). The owner of a document has every right anyway.
CREATE TABLE IF NOT EXISTS document_grants (
  document_id    text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  principal_kind text NOT NULL CHECK (principal_kind IN ('user', 'group')),
  principal      text NOT NULL,
  permission     text NOT NULL CHECK (permission IN
                   ('VIEW', 'EDIT', 'REVIEW', 'COMMENT', 'FILL_FORMS', 'MODIFY_CONTENT_CONTROL',
                    'MODIFY_FILTER', 'COPY', 'DOWNLOAD', 'PRINT', 'RENAME', 'CHAT', 'PROTECT',
                    'SHARE', 'DELETE', 'DENY')),
  PRIMARY KEY (document_id, principal_kind, principal, permission)
);
CREATE INDEX IF NOT EXISTS document_grants_principal ON document_grants (principal_kind, principal);

CREATE TABLE IF NOT EXISTS favorites (
  user_id     text NOT NULL,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, document_id)
);

-- The connector's editing sessions and locks (at most one per document) and processed-event
-- markers. No foreign key: the connector may keep a session of a document deleted meanwhile.
-- revision is the compare-and-set column; a row whose expires_at is not after "now" is absent.
CREATE TABLE IF NOT EXISTS editing_sessions (
  document_id       text        PRIMARY KEY,
  protocol          text        NOT NULL CHECK (protocol IN ('DOCS_API', 'WOPI')),
  document_key      text        NOT NULL,
  base_version      text        NOT NULL,
  lock_id           text        CHECK (length(lock_id) BETWEEN 1 AND 1024),
  editors           text[]      NOT NULL,
  intermediate_saves integer    NOT NULL CHECK (intermediate_saves >= 0),
  started           timestamptz NOT NULL,
  expires_at        timestamptz NOT NULL,
  revision          bigint      NOT NULL CHECK (revision >= 0)
);
CREATE INDEX IF NOT EXISTS editing_sessions_expiry ON editing_sessions (expires_at);

CREATE TABLE IF NOT EXISTS processed_markers (
  marker     text        PRIMARY KEY CHECK (length(marker) BETWEEN 1 AND 256),
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS processed_markers_expiry ON processed_markers (expires_at);

INSERT INTO pghost_schema (version) VALUES (1) ON CONFLICT (version) DO NOTHING;
