-- The registers an annual report reports on besides its money (issue 12 item 7, seed 001): the
-- national highly specialised care permits (NHV) a region applied for or was given, and the
-- assignments of a unit's staff with their share of full time. One row per permit or role and
-- year; a revision for the optimistic check when two people edit the same row.
CREATE TABLE nhv_permits (
  id serial PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  care_area text NOT NULL CHECK (length(care_area) BETWEEN 1 AND 200),
  -- Socialstyrelsen's application phase, named by its decision date: "NHV 2023-03-08".
  application_phase date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('granted', 'granted_partner', 'declined_to_apply', 'applied', 'refused')),
  start_date date,
  -- Huvudansvar: the hospital or unit responsible ("Sus", "PHH").
  principal text NOT NULL CHECK (length(principal) BETWEEN 1 AND 100),
  revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, year, care_area)
);

CREATE TABLE staff_assignments (
  id serial PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (length(role) BETWEEN 1 AND 200),
  -- Share of full time in per cent of one full-time post; several people together may pass 100 (300 %).
  percent integer NOT NULL CHECK (percent BETWEEN 1 AND 100000),
  note text CHECK (note IS NULL OR length(note) <= 500),
  revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, year, unit, role)
);
