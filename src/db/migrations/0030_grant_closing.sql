-- Closing a grant (issue 14): how a recipient is paid, the requisitions and financial reports
-- Fördela produces, and the grantor's consent to carry unspent money into the next year.
-- Produced requisitions and filed reports are records of what was sent: they never change, and
-- a correction is a new version.

-- An organisation's organisation number and where grants are paid to (bankgiro, plusgiro,
-- bank account or IBAN); checked by the application before it is stored.
CREATE TABLE organisation_payment_details (
  organisation_id integer PRIMARY KEY REFERENCES organisations(id),
  organisation_number text NOT NULL CHECK (organisation_number ~ '^\d{6}-\d{4}$'),
  payee_kind text NOT NULL CHECK (payee_kind IN ('bankgiro', 'plusgiro', 'bank_account', 'iban')),
  payee_number text NOT NULL CHECK (length(payee_number) BETWEEN 2 AND 40),
  bank text,
  holder text,
  revision integer NOT NULL DEFAULT 1,
  updated_by text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A requisition as produced: what the document said and the recipient's record at that moment.
CREATE TABLE grant_requisitions (
  id serial PRIMARY KEY,
  part_id integer NOT NULL REFERENCES grant_parts(id),
  recipient_code text NOT NULL REFERENCES organisations(code),
  version integer NOT NULL CHECK (version >= 1),
  requisition_date date NOT NULL,
  amount_ore bigint NOT NULL CHECK (amount_ore >= 0),
  content jsonb NOT NULL,
  recipient_state jsonb NOT NULL,
  produced_by integer REFERENCES users(id),
  produced_by_name text,
  produced_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (part_id, recipient_code, version)
);

-- A filed financial report (ekonomisk redovisning): figures and lines as filed.
CREATE TABLE grant_financial_reports (
  id serial PRIMARY KEY,
  part_id integer NOT NULL REFERENCES grant_parts(id),
  recipient_code text NOT NULL REFERENCES organisations(code),
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL DEFAULT 'filed' CHECK (status = 'filed'),
  report_date date NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  received_ore bigint NOT NULL,
  carried_in_ore bigint NOT NULL DEFAULT 0,
  used_ore bigint NOT NULL,
  unspent_ore bigint NOT NULL,
  carried_forward_ore bigint NOT NULL DEFAULT 0 CHECK (carried_forward_ore >= 0),
  to_repay_ore bigint NOT NULL CHECK (to_repay_ore >= 0),
  explanation text,
  content jsonb NOT NULL,
  filed_by integer REFERENCES users(id),
  filed_by_name text,
  filed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_from <= period_to),
  CHECK (unspent_ore = received_ore + carried_in_ore - used_ore),
  UNIQUE (part_id, recipient_code, version)
);

-- The grantor's decision that unspent money of one part may be used under a later part.
CREATE TABLE grant_carry_forwards (
  id serial PRIMARY KEY,
  from_part_id integer NOT NULL REFERENCES grant_parts(id),
  recipient_code text NOT NULL REFERENCES organisations(code),
  to_part_id integer NOT NULL REFERENCES grant_parts(id),
  diary_number text NOT NULL CHECK (length(diary_number) > 0),
  decided_on date NOT NULL,
  new_deadline date NOT NULL,
  cap_ore bigint CHECK (cap_ore >= 0),
  created_by integer REFERENCES users(id),
  created_by_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_part_id <> to_part_id),
  UNIQUE (from_part_id, recipient_code)
);

CREATE FUNCTION grant_closing_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% är arkiverad och ändras inte; en rättelse görs som en ny version', TG_TABLE_NAME USING ERRCODE = 'check_violation'; END $$;

CREATE TRIGGER grant_requisitions_immutable BEFORE UPDATE OR DELETE ON grant_requisitions FOR EACH ROW EXECUTE FUNCTION grant_closing_immutable();

CREATE TRIGGER grant_financial_reports_immutable BEFORE UPDATE OR DELETE ON grant_financial_reports FOR EACH ROW EXECUTE FUNCTION grant_closing_immutable();

CREATE TRIGGER grant_carry_forwards_immutable BEFORE UPDATE OR DELETE ON grant_carry_forwards FOR EACH ROW EXECUTE FUNCTION grant_closing_immutable();
