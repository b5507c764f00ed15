-- Foundation: organisations and reference data, population, users and sessions,
-- saved allocations with their explained lines, and the audit log.
-- Money is stored in whole öre as bigint.

CREATE TABLE organisations (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('state', 'skr', 'region', 'cooperation_region', 'municipality', 'board', 'other')),
  name text NOT NULL,
  short_name text NOT NULL,
  county_code text,
  parent_id integer REFERENCES organisations(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Which municipalities make up a cooperation region (the healthcare-region map).
CREATE TABLE cooperation_region_members (
  cooperation_code text NOT NULL REFERENCES organisations(code),
  municipality_code text NOT NULL REFERENCES organisations(code),
  PRIMARY KEY (cooperation_code, municipality_code)
);

-- Population of an area (county "07", municipality "0780", nation "00") on a date.
CREATE TABLE population (
  area_code text NOT NULL,
  on_date date NOT NULL,
  population bigint NOT NULL CHECK (population >= 0),
  source text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (area_code, on_date)
);

CREATE TABLE users (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  is_admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  role text NOT NULL CHECK (role IN ('reader', 'editor', 'approver', 'admin')),
  PRIMARY KEY (user_id, organisation_id)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE allocations (
  id serial PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'decided')),
  -- A decided allocation is never changed; a change is a new version pointing at its predecessor.
  version integer NOT NULL DEFAULT 1,
  previous_id integer REFERENCES allocations(id),
  decided_by integer REFERENCES users(id),
  decided_at timestamptz,
  total_ore bigint NOT NULL,
  -- The full input (recipients, key, date, rounding) so the result can be recomputed and explained.
  spec jsonb NOT NULL,
  -- The computed result as saved, so a later population import cannot change a saved allocation.
  result jsonb NOT NULL,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE allocation_lines (
  allocation_id integer NOT NULL REFERENCES allocations(id) ON DELETE CASCADE,
  position integer NOT NULL,
  label text NOT NULL,
  recipient_code text,
  method text NOT NULL,
  basis text,
  quota_numerator text NOT NULL,
  quota_denominator text NOT NULL,
  amount_ore bigint NOT NULL,
  remainder_rank integer,
  explanation text NOT NULL,
  PRIMARY KEY (allocation_id, position)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer REFERENCES users(id),
  username text,
  organisation_id integer REFERENCES organisations(id),
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_at ON audit_log (at DESC);
