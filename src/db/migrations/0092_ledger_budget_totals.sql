-- A report summed every budget row of the year on each first request, with a window over them
-- to count a budget given both per account and per object once (src/ledger/budget-totals.ts):
-- 60–180 ms over the reference ledger's 52 000 budget lines. The budgets counted once are kept
-- at import instead, like the outcome's ledger_totals: per account and period for a report not
-- by object (dimension 0), per cost centre (1) and per project (6), object '' = none; and per
-- account class beside the outcome's class sums (ledger_class_totals.kind = 'budget').
CREATE TABLE ledger_budget_totals (
  import_id integer NOT NULL,
  dimension integer NOT NULL CHECK (dimension IN (0, 1, 6)),
  period integer NOT NULL,
  object text NOT NULL,
  account text NOT NULL,
  amount_ore bigint NOT NULL
);
CREATE INDEX ledger_budget_totals_import ON ledger_budget_totals (import_id, dimension, period);

ALTER TABLE ledger_class_totals ADD COLUMN kind text NOT NULL DEFAULT 'outcome' CHECK (kind IN ('outcome', 'budget'));

CREATE OR REPLACE FUNCTION ledger_imports_delete_rows() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM ledger_transactions WHERE import_id = OLD.id; DELETE FROM ledger_vouchers WHERE import_id = OLD.id; DELETE FROM ledger_totals WHERE import_id = OLD.id; DELETE FROM ledger_class_totals WHERE import_id = OLD.id; DELETE FROM ledger_budget_totals WHERE import_id = OLD.id; RETURN OLD; END $$;

-- The imports already made: the same sums as buildBudgetTotals writes.
INSERT INTO ledger_budget_totals (import_id, dimension, period, object, account, amount_ore)
SELECT b.import_id, d.dimension, b.period,
       CASE d.dimension WHEN 1 THEN coalesce(b.cost_centre, '') WHEN 6 THEN coalesce(b.project, '') ELSE '' END,
       b.account, sum(b.amount_ore)
FROM (
  SELECT import_id, period, account, cost_centre, project, amount_ore,
         cost_centre IS NULL AND project IS NULL AS total,
         bool_or(cost_centre IS NULL AND project IS NULL) OVER w AS has_total,
         bool_or(cost_centre IS NOT NULL OR project IS NOT NULL) OVER w AS has_objects
  FROM ledger_period_amounts WHERE kind = 'PBUDGET' AND year_index = 0
  WINDOW w AS (PARTITION BY import_id, period, account)
) b CROSS JOIN (VALUES (0), (1), (6)) AS d(dimension)
WHERE NOT (b.has_total AND b.has_objects AND b.total = (d.dimension <> 0))
GROUP BY 1, 2, 3, 4, 5;

-- Their class sums are made again, budgets included, by the next report that needs them.
DELETE FROM ledger_class_totals_state;
