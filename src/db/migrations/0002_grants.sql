-- State grants (statsbidrag): agreements, government decisions and their parts per recipient
-- group, the distribution of each part to its recipients, each recipient's requisition,
-- spending and internal allocation decisions, and e-mail reminders of deadlines.
-- Money is whole öre as bigint; dates are calendar days.

CREATE TABLE grant_agreements (
  id serial PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisations(id),
  name text NOT NULL,
  year integer NOT NULL,
  parties jsonb NOT NULL,
  total_ore bigint NOT NULL CHECK (total_ore >= 0),
  diary_number text,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A decision whose parts do not add up may be saved, but only as a draft.
CREATE TABLE grant_decisions (
  id serial PRIMARY KEY,
  agreement_id integer NOT NULL REFERENCES grant_agreements(id),
  organisation_id integer NOT NULL REFERENCES organisations(id),
  title text NOT NULL,
  diary_number text,
  decision_date date,
  ministry text,
  payer_code text,
  signatories jsonb NOT NULL,
  total_ore bigint NOT NULL CHECK (total_ore >= 0),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'decided')),
  decided_by integer REFERENCES users(id),
  decided_at timestamptz,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE grant_parts (
  id serial PRIMARY KEY,
  decision_id integer NOT NULL REFERENCES grant_decisions(id) ON DELETE CASCADE,
  position integer NOT NULL,
  recipient_group text NOT NULL CHECK (recipient_group IN ('skr', 'regions', 'cooperation_regions', 'other')),
  purpose text NOT NULL,
  amount_ore bigint NOT NULL CHECK (amount_ore >= 0),
  expenditure_area text,
  appropriation text,
  appropriation_item text,
  appropriation_item_name text,
  one_time boolean NOT NULL DEFAULT false,
  requisition_deadline date,
  report_deadline date,
  report_recipient_code text,
  repayment_deadline date,
  repayment_recipient_code text,
  -- [{ kind: 'partial'|'final', deadline: 'YYYY-MM-DD', recipient: text }]
  activity_reports jsonb NOT NULL,
  UNIQUE (decision_id, position)
);

-- How a part reaches its recipients: computed by a key, or decided amounts from the annex.
-- The key request and result are kept so the distribution can be explained later; an annex
-- may carry a comparison key computed at save time.
CREATE TABLE grant_distributions (
  part_id integer PRIMARY KEY REFERENCES grant_parts(id) ON DELETE CASCADE,
  mode text NOT NULL CHECK (mode IN ('key', 'annex')),
  request jsonb,
  result jsonb,
  comparison_request jsonb,
  comparison_result jsonb,
  source text,
  updated_by integer REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- What each recipient is entitled to from a part.
CREATE TABLE grant_entitlements (
  part_id integer NOT NULL REFERENCES grant_parts(id) ON DELETE CASCADE,
  recipient_code text NOT NULL REFERENCES organisations(code),
  position integer NOT NULL,
  amount_ore bigint NOT NULL CHECK (amount_ore >= 0),
  explanation text NOT NULL,
  PRIMARY KEY (part_id, recipient_code)
);

-- A recipient's own record of the grant: requisition, payment, accounting object, what it has
-- reported and repaid.
CREATE TABLE grant_receipts (
  part_id integer NOT NULL REFERENCES grant_parts(id) ON DELETE CASCADE,
  recipient_code text NOT NULL REFERENCES organisations(code),
  accounting_object text,
  requisitioned_on date,
  requisition_ore bigint CHECK (requisition_ore >= 0),
  received_on date,
  received_ore bigint CHECK (received_ore >= 0),
  reported_on date,
  repaid_on date,
  repaid_ore bigint CHECK (repaid_ore >= 0),
  partial_report_on date,
  final_report_on date,
  notes text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (part_id, recipient_code)
);

-- Spending against a received grant: entered by hand now, imported from the ledger later.
CREATE TABLE grant_spending (
  id serial PRIMARY KEY,
  part_id integer NOT NULL REFERENCES grant_parts(id) ON DELETE CASCADE,
  recipient_code text NOT NULL REFERENCES organisations(code),
  spent_on date NOT NULL,
  amount_ore bigint NOT NULL,
  description text NOT NULL,
  source text NOT NULL CHECK (source IN ('manual', 'ledger')),
  source_ref text,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX grant_spending_part ON grant_spending (part_id, recipient_code);

-- A recipient's internal allocation of what it received. A decided version never changes;
-- a change is a new version pointing at its predecessor.
CREATE TABLE grant_internal_decisions (
  id serial PRIMARY KEY,
  part_id integer NOT NULL REFERENCES grant_parts(id),
  organisation_id integer NOT NULL REFERENCES organisations(id),
  version integer NOT NULL DEFAULT 1,
  previous_id integer REFERENCES grant_internal_decisions(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'decided')),
  title text NOT NULL,
  total_ore bigint NOT NULL,
  -- Metadata as the decision document states it: decided by, date, delegation point, reported
  -- to, conditions, distribution list, basis documents.
  metadata jsonb NOT NULL,
  -- Lines as entered (fixed, earmarked, remainder) and the allocation engine's result.
  lines jsonb NOT NULL,
  result jsonb NOT NULL,
  decided_by integer REFERENCES users(id),
  decided_at timestamptz,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who wants e-mail reminders: a user (for all their organisations) or an organisation's mailbox.
CREATE TABLE reminder_settings (
  id serial PRIMARY KEY,
  user_id integer UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  organisation_id integer UNIQUE REFERENCES organisations(id),
  email text NOT NULL,
  days_before integer NOT NULL DEFAULT 14 CHECK (days_before BETWEEN 0 AND 365),
  enabled boolean NOT NULL DEFAULT true,
  CHECK ((user_id IS NULL) <> (organisation_id IS NULL))
);

-- One reminder per deadline and address; the key includes the deadline's date, so a moved
-- deadline is reminded of again.
CREATE TABLE reminders_sent (
  deadline_key text NOT NULL,
  email text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (deadline_key, email)
);
