-- Import jobs and their progress live here, not in one server's memory: a job started through
-- one instance can be polled through another, and a job whose process died (its heartbeat
-- stopped) is shown as interrupted. What the import writes is in its own transaction, so an
-- interrupted job has written nothing.
CREATE TABLE ledger_import_jobs (
  id uuid PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  file_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  started_by text,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  lines_read bigint NOT NULL DEFAULT 0 CHECK (lines_read >= 0),
  bytes_read bigint NOT NULL DEFAULT 0 CHECK (bytes_read >= 0),
  total_bytes bigint CHECK (total_bytes >= 0),
  transactions bigint NOT NULL DEFAULT 0 CHECK (transactions >= 0),
  result jsonb,
  error jsonb,
  -- The server process running the job, and when it last said it still does.
  owner text NOT NULL,
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'running') = (finished_at IS NULL))
);
CREATE INDEX ledger_import_jobs_finished_at ON ledger_import_jobs (finished_at);
