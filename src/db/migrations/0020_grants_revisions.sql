-- Optimistic concurrency for every editable grant record: a change names the revision it was
-- based on and is refused when somebody saved in between. updated_by holds the acting user's
-- name (the CLI's operator has no user id), so a refusal can say who changed the record.
ALTER TABLE grant_agreements ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE grant_agreements ADD COLUMN updated_by text;
ALTER TABLE grant_decisions ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE grant_decisions ADD COLUMN updated_by text;
ALTER TABLE grant_distributions ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE grant_distributions ADD COLUMN updated_by_name text;
ALTER TABLE grant_receipts ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE grant_receipts ADD COLUMN updated_by text;
ALTER TABLE grant_internal_decisions ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE grant_internal_decisions ADD COLUMN updated_by text;
ALTER TABLE reminder_settings ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE reminder_settings ADD COLUMN updated_by text;
ALTER TABLE reminder_settings ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Versions of an internal decision form one series (the id of its first version): a version
-- number occurs once per series, and a version has at most one successor.
ALTER TABLE grant_internal_decisions ADD COLUMN series_id integer REFERENCES grant_internal_decisions(id);
UPDATE grant_internal_decisions AS i SET series_id = s.root FROM (WITH RECURSIVE chain(id, root) AS (SELECT id, id FROM grant_internal_decisions WHERE previous_id IS NULL UNION ALL SELECT c.id, chain.root FROM grant_internal_decisions c JOIN chain ON c.previous_id = chain.id) SELECT id, root FROM chain) AS s WHERE s.id = i.id;
CREATE FUNCTION grant_internal_series() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.previous_id IS NULL THEN NEW.series_id := NEW.id; ELSE NEW.series_id := (SELECT series_id FROM grant_internal_decisions WHERE id = NEW.previous_id); END IF; RETURN NEW; END $$;
CREATE TRIGGER grant_internal_series BEFORE INSERT ON grant_internal_decisions FOR EACH ROW EXECUTE FUNCTION grant_internal_series();
ALTER TABLE grant_internal_decisions ALTER COLUMN series_id SET NOT NULL;
ALTER TABLE grant_internal_decisions ADD CONSTRAINT grant_internal_version_once UNIQUE (series_id, version);
ALTER TABLE grant_internal_decisions ADD CONSTRAINT grant_internal_one_successor UNIQUE (previous_id);

-- A decided government decision never changes, and is decided only when its parts add up to
-- its total: the database refuses what the use cases already refuse, for any other writer too.
CREATE FUNCTION grant_decision_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD.status = 'decided' THEN RAISE EXCEPTION 'Regeringsbeslut % är fastställt och kan inte ändras', OLD.id USING ERRCODE = 'check_violation'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; IF NEW.status = 'decided' AND (SELECT count(*) FROM grant_parts WHERE decision_id = NEW.id) = 0 THEN RAISE EXCEPTION 'Regeringsbeslut % saknar delar och kan inte fastställas', NEW.id USING ERRCODE = 'check_violation'; END IF; IF NEW.status = 'decided' AND (SELECT sum(amount_ore) FROM grant_parts WHERE decision_id = NEW.id) <> NEW.total_ore THEN RAISE EXCEPTION 'Regeringsbeslut %: delarna summerar inte till totalbeloppet', NEW.id USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$;
CREATE TRIGGER grant_decision_guard BEFORE UPDATE OR DELETE ON grant_decisions FOR EACH ROW EXECUTE FUNCTION grant_decision_guard();

-- The parts of a decided decision, and how each is distributed, are part of its content.
CREATE FUNCTION grant_part_guard() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE d integer; BEGIN IF TG_OP = 'DELETE' THEN d := OLD.decision_id; ELSE d := NEW.decision_id; END IF; IF EXISTS (SELECT 1 FROM grant_decisions WHERE id = d AND status = 'decided') OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM grant_decisions WHERE id = OLD.decision_id AND status = 'decided')) THEN RAISE EXCEPTION 'Regeringsbeslut % är fastställt; dess delar kan inte ändras', d USING ERRCODE = 'check_violation'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER grant_part_guard BEFORE INSERT OR UPDATE OR DELETE ON grant_parts FOR EACH ROW EXECUTE FUNCTION grant_part_guard();
CREATE FUNCTION grant_part_content_guard() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE p integer; BEGIN IF TG_OP = 'DELETE' THEN p := OLD.part_id; ELSE p := NEW.part_id; END IF; IF EXISTS (SELECT 1 FROM grant_parts gp JOIN grant_decisions d ON d.id = gp.decision_id WHERE gp.id = p AND d.status = 'decided') THEN RAISE EXCEPTION 'Del % hör till ett fastställt regeringsbeslut; fördelningen kan inte ändras', p USING ERRCODE = 'check_violation'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER grant_distribution_guard BEFORE INSERT OR UPDATE OR DELETE ON grant_distributions FOR EACH ROW EXECUTE FUNCTION grant_part_content_guard();
CREATE TRIGGER grant_entitlement_guard BEFORE INSERT OR UPDATE OR DELETE ON grant_entitlements FOR EACH ROW EXECUTE FUNCTION grant_part_content_guard();

-- A decided internal decision never changes (a change is a new version); its lines live in the row.
CREATE FUNCTION grant_internal_guard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD.status = 'decided' THEN RAISE EXCEPTION 'Internt beslut % är fattat och kan inte ändras', OLD.id USING ERRCODE = 'check_violation'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER grant_internal_guard BEFORE UPDATE OR DELETE ON grant_internal_decisions FOR EACH ROW EXECUTE FUNCTION grant_internal_guard();
