-- Revisions for the follow-up settings (issue 9): a save carries the revision it was based on, and
-- one based on an older revision is refused (409) instead of overwriting a colleague's change.
ALTER TABLE csv_mappings ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision > 0);

ALTER TABLE ledger_object_links
  ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision > 0),
  ADD COLUMN updated_by text,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- The account class overrides are edited as one set per organisation, so the set's revision has a
-- row of its own; revision 0 (or no row) means never saved.
CREATE TABLE ledger_account_class_sets (
  organisation_id integer PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
  revision integer NOT NULL CHECK (revision >= 0),
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO ledger_account_class_sets (organisation_id, revision)
  SELECT DISTINCT organisation_id, 1 FROM ledger_account_classes;
