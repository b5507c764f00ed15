-- Ledger follow-up: imports of outcomes (SIE 4, CSV), the chart of accounts and objects they
-- carry, balances, period amounts and budgets, vouchers and their rows, totals kept at import
-- for fast reports, saved CSV column mappings and per-organisation account class mappings.
-- Money is whole öre (bigint). SIE signs are kept as in the ledger: debit positive, credit negative.

CREATE TABLE ledger_imports (
  id serial PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  file_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('sie', 'csv')),
  -- The financial year (#RAR 0's start year, or the year of the CSV periods).
  year integer NOT NULL,
  status text NOT NULL CHECK (status IN ('done', 'failed', 'replaced')),
  voucher_count integer NOT NULL DEFAULT 0,
  transaction_count integer NOT NULL DEFAULT 0,
  balance_count integer NOT NULL DEFAULT 0,
  budget_count integer NOT NULL DEFAULT 0,
  warnings jsonb NOT NULL DEFAULT '[]',
  error text,
  -- Company, program, encoding, #KSUMMA status … as read from the file.
  summary jsonb,
  imported_by integer REFERENCES users(id),
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_imports_org_year ON ledger_imports (organisation_id, year);

-- The latest name and type an import gave an account or object; shared by all years.
CREATE TABLE ledger_accounts (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  account text NOT NULL,
  name text NOT NULL,
  account_type text CHECK (account_type IN ('T', 'S', 'K', 'I')),
  PRIMARY KEY (organisation_id, account)
);

CREATE TABLE ledger_dimensions (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  dimension integer NOT NULL,
  name text NOT NULL,
  parent integer,
  PRIMARY KEY (organisation_id, dimension)
);

CREATE TABLE ledger_objects (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  dimension integer NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (organisation_id, dimension, code)
);

-- #IB, #UB, #RES (objects = []) and #OIB, #OUB (with their object list).
CREATE TABLE ledger_balances (
  import_id integer NOT NULL REFERENCES ledger_imports(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('IB', 'UB', 'RES', 'OIB', 'OUB')),
  year_index integer NOT NULL,
  account text NOT NULL,
  cost_centre text,
  project text,
  objects jsonb NOT NULL DEFAULT '[]',
  amount_ore bigint NOT NULL
);
CREATE INDEX ledger_balances_import ON ledger_balances (import_id);

-- #PSALDO (outcome per period) and #PBUDGET (budget per period); period is YYYYMM.
CREATE TABLE ledger_period_amounts (
  import_id integer NOT NULL REFERENCES ledger_imports(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('PSALDO', 'PBUDGET')),
  year_index integer NOT NULL,
  period integer NOT NULL,
  account text NOT NULL,
  cost_centre text,
  project text,
  objects jsonb NOT NULL DEFAULT '[]',
  amount_ore bigint NOT NULL
);
CREATE INDEX ledger_period_amounts_import ON ledger_period_amounts (import_id, kind);

CREATE TABLE ledger_vouchers (
  import_id integer NOT NULL REFERENCES ledger_imports(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  series text NOT NULL,
  number text NOT NULL,
  voucher_date date NOT NULL,
  text text NOT NULL,
  line integer NOT NULL,
  PRIMARY KEY (import_id, seq)
);

-- #TRANS rows (and CSV outcome rows, as one voucher per file). Cost centre = dimension 1,
-- project = dimension 6 (the SIE convention); every other dimension stays in `objects`.
-- No index beyond the import: reports read ledger_totals, drill-down filters one import.
CREATE TABLE ledger_transactions (
  import_id integer NOT NULL REFERENCES ledger_imports(id) ON DELETE CASCADE,
  voucher_seq integer NOT NULL,
  row_no integer NOT NULL,
  period integer NOT NULL,
  trans_date date NOT NULL,
  account text NOT NULL,
  cost_centre text,
  project text,
  objects jsonb,
  amount_ore bigint NOT NULL,
  text text
);
CREATE INDEX ledger_transactions_import_period ON ledger_transactions (import_id, period);

-- Sums per import kept at import time so that reports never scan the rows:
-- dimension 0: per period and account; dimension 6: per period, account and project ('' = none);
-- dimension 1: per year (period = YYYY00), account and cost centre ('' = none), since cost
-- centres × accounts × months would be as many rows as the ledger itself.
CREATE TABLE ledger_totals (
  import_id integer NOT NULL REFERENCES ledger_imports(id) ON DELETE CASCADE,
  period integer NOT NULL,
  account text NOT NULL,
  dimension integer NOT NULL,
  object text NOT NULL,
  amount_ore bigint NOT NULL,
  row_count integer NOT NULL
);
CREATE INDEX ledger_totals_import ON ledger_totals (import_id, dimension, period);

-- Saved column mappings for CSV outcome files. `columns` maps field -> column header or 1-based index.
CREATE TABLE csv_mappings (
  id serial PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  name text NOT NULL,
  separator text NOT NULL DEFAULT ';',
  decimal_comma boolean NOT NULL DEFAULT true,
  has_header boolean NOT NULL DEFAULT true,
  encoding text NOT NULL DEFAULT 'utf-8' CHECK (encoding IN ('utf-8', 'windows-1252')),
  -- 'ledger': amounts signed as in the ledger (costs positive); 'reversed': income positive, costs negative.
  sign text NOT NULL DEFAULT 'ledger' CHECK (sign IN ('ledger', 'reversed')),
  columns jsonb NOT NULL,
  updated_by integer REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, name)
);

-- Account ranges an organisation classes differently from the BAS defaults.
CREATE TABLE ledger_account_classes (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  account_from text NOT NULL,
  account_to text NOT NULL,
  class text NOT NULL CHECK (class IN ('income', 'staff', 'other', 'financial', 'balance')),
  -- Income on these accounts is joint financing (solidarisk finansiering) in project accounts.
  joint_financing boolean NOT NULL DEFAULT false,
  PRIMARY KEY (organisation_id, account_from, account_to)
);

-- Objects (projects, cost centres, any dimension) linked to a grant or a budget line.
CREATE TABLE ledger_object_links (
  organisation_id integer NOT NULL REFERENCES organisations(id),
  dimension integer NOT NULL,
  code text NOT NULL,
  grant_id integer,
  budget_line text,
  label text,
  PRIMARY KEY (organisation_id, dimension, code)
);
