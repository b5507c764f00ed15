-- Index series values: optimistic concurrency per value (a year of a series), with who changed it.
ALTER TABLE index_series ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE index_series ADD COLUMN updated_by integer REFERENCES users(id);
