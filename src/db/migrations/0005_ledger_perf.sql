-- Bulk import speed for the ledger (issue 5, item 8: 1 000 000 #TRANS rows).
--
-- A foreign key checks every inserted row with a trigger and a lookup: for ledger rows that
-- was most of the insert time. The rows of the large tables are only ever written by the import
-- that created their ledger_imports row, in its transaction, so the check adds nothing; the
-- ON DELETE CASCADE it gave is kept by a trigger that removes a deleted import's rows.
ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_import_id_fkey;
ALTER TABLE ledger_vouchers DROP CONSTRAINT ledger_vouchers_import_id_fkey;
ALTER TABLE ledger_totals DROP CONSTRAINT ledger_totals_import_id_fkey;

-- One line: the migration runner splits statements at a semicolon that ends a line.
CREATE FUNCTION ledger_imports_delete_rows() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM ledger_transactions WHERE import_id = OLD.id; DELETE FROM ledger_vouchers WHERE import_id = OLD.id; DELETE FROM ledger_totals WHERE import_id = OLD.id; DELETE FROM ledger_class_totals WHERE import_id = OLD.id; RETURN OLD; END $$;
CREATE TRIGGER ledger_imports_delete_rows AFTER DELETE ON ledger_imports
  FOR EACH ROW EXECUTE FUNCTION ledger_imports_delete_rows();

-- An import's rows are appended together, so a BRIN index finds them (and their periods) at a
-- fraction of a B-tree's cost to maintain while a million rows go in.
DROP INDEX ledger_transactions_import_period;
CREATE INDEX ledger_transactions_import_period ON ledger_transactions USING brin (import_id, period);

-- Outcome per account class, kept for the budget-vs-outcome report so that it reads a few
-- thousand rows instead of summing ledger_totals per account: dimension 0 per period, 6 per
-- period and project, 1 per year and cost centre (object '' = none), as in ledger_totals.
-- Classes depend on the organisation's account class mapping: `classing` in the state table
-- records the mapping the sums were made with, and they are made again when it differs.
CREATE TABLE ledger_class_totals (
  import_id integer NOT NULL,
  dimension integer NOT NULL,
  period integer NOT NULL,
  object text NOT NULL,
  class text NOT NULL,
  amount_ore bigint NOT NULL
);
CREATE INDEX ledger_class_totals_import ON ledger_class_totals (import_id, dimension, period);
CREATE TABLE ledger_class_totals_state (
  import_id integer PRIMARY KEY REFERENCES ledger_imports(id) ON DELETE CASCADE,
  classing text NOT NULL
);
