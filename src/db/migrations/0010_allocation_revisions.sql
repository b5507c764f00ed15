-- Allocations: optimistic concurrency (revision, who and when last changed), unique versions per
-- lineage, and the database refusing changes to a decided allocation or its lines (issue 9).

ALTER TABLE allocations ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE allocations ADD COLUMN updated_by integer REFERENCES users(id);
UPDATE allocations SET updated_by = created_by;

-- The first version of a chain; every later version points at it. Version numbers are unique
-- within a lineage. Rows saved before this migration may hold duplicates (parallel "new version"
-- calls all made version 2): they are numbered in order of creation so the constraint can hold.
ALTER TABLE allocations ADD COLUMN lineage_id integer REFERENCES allocations(id);
UPDATE allocations a SET lineage_id = chain.root FROM (WITH RECURSIVE c(id, root) AS (SELECT id, id FROM allocations WHERE previous_id IS NULL UNION ALL SELECT n.id, c.root FROM allocations n JOIN c ON n.previous_id = c.id) SELECT id, root FROM c) chain WHERE a.id = chain.id;
UPDATE allocations a SET version = numbered.v FROM (SELECT id, row_number() OVER (PARTITION BY lineage_id ORDER BY version, id) AS v FROM allocations) numbered WHERE a.id = numbered.id AND a.version <> numbered.v;
CREATE FUNCTION allocations_lineage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.lineage_id IS NULL THEN NEW.lineage_id := NEW.id; END IF; RETURN NEW; END $$;
CREATE TRIGGER allocations_lineage BEFORE INSERT ON allocations FOR EACH ROW EXECUTE FUNCTION allocations_lineage();
ALTER TABLE allocations ALTER COLUMN lineage_id SET NOT NULL;
ALTER TABLE allocations ADD CONSTRAINT allocations_lineage_version UNIQUE (lineage_id, version);

-- A decided allocation is immutable: its content, decision and place in the lineage never change,
-- and it is never deleted. Its lines likewise.
CREATE FUNCTION allocations_decided_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN IF OLD.status = 'decided' THEN RAISE EXCEPTION 'allocation % is decided and cannot be deleted', OLD.id USING ERRCODE = 'check_violation'; END IF; RETURN OLD; END IF; IF OLD.status = 'decided' AND (NEW.status, NEW.title, NEW.spec, NEW.result, NEW.total_ore, NEW.organisation_id, NEW.version, NEW.previous_id, NEW.lineage_id, NEW.decided_by, NEW.decided_at, NEW.revision) IS DISTINCT FROM (OLD.status, OLD.title, OLD.spec, OLD.result, OLD.total_ore, OLD.organisation_id, OLD.version, OLD.previous_id, OLD.lineage_id, OLD.decided_by, OLD.decided_at, OLD.revision) THEN RAISE EXCEPTION 'allocation % is decided and cannot be changed', OLD.id USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$;
CREATE TRIGGER allocations_decided_immutable BEFORE UPDATE OR DELETE ON allocations FOR EACH ROW EXECUTE FUNCTION allocations_decided_immutable();
CREATE FUNCTION allocation_lines_decided_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE parent integer; BEGIN IF TG_OP = 'INSERT' THEN parent := NEW.allocation_id; ELSE parent := OLD.allocation_id; END IF; IF EXISTS (SELECT 1 FROM allocations WHERE id = parent AND status = 'decided') OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM allocations WHERE id = NEW.allocation_id AND status = 'decided')) THEN RAISE EXCEPTION 'allocation % is decided: its lines cannot be changed', parent USING ERRCODE = 'check_violation'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;
CREATE TRIGGER allocation_lines_decided_immutable BEFORE INSERT OR UPDATE OR DELETE ON allocation_lines FOR EACH ROW EXECUTE FUNCTION allocation_lines_decided_immutable();
