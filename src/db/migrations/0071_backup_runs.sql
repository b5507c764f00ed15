-- Nightly backups: several server instances may share one PostgreSQL, and the one that inserts
-- the night's row is the one that writes the backup.
CREATE TABLE backup_runs (
  night date PRIMARY KEY,
  claimed_by text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  file text,
  error text
);
