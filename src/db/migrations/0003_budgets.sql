-- Budgets, frame changes, joint financing and subscription matrices (issue 4), and index series.
-- Money in whole öre as bigint. Index changes are exact decimal text ("2,5"), never floating point.

-- One value a year of an index series such as LPIK: the change from the year before, in percent.
CREATE TABLE index_series (
  code text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  change_percent text NOT NULL,
  source text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (code, year)
);

-- The four kinds share one shape: the stated input (spec), the computed result as saved, the
-- decision document's metadata, and versions. A decided row is never changed; a change is a new
-- version (status 'proposal') pointing at its predecessor.
CREATE TABLE budget_documents (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('budget', 'frame_change', 'joint_financing', 'subscription')),
  organisation_id integer NOT NULL REFERENCES organisations(id),
  title text NOT NULL,
  year integer NOT NULL,
  status text NOT NULL DEFAULT 'proposal' CHECK (status IN ('proposal', 'decided')),
  version integer NOT NULL DEFAULT 1,
  previous_id integer REFERENCES budget_documents(id),
  spec jsonb NOT NULL,
  result jsonb NOT NULL,
  metadata jsonb NOT NULL,
  total_ore bigint NOT NULL,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  decided_by integer REFERENCES users(id),
  decided_at timestamptz
);
CREATE INDEX budget_documents_kind_org ON budget_documents (kind, organisation_id);
