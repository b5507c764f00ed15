-- Which version of the shipped reference data a database holds, so a start can skip reloading
-- it when nothing changed (a fingerprint of the shipped files and definitions).
CREATE TABLE reference_state (
  id integer PRIMARY KEY CHECK (id = 1),
  fingerprint text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
