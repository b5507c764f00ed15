-- Budget documents (budgets, frame changes, joint financings, subscriptions): optimistic
-- concurrency, unique versions per lineage, and the database refusing changes to a decided one.

ALTER TABLE budget_documents ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE budget_documents ADD COLUMN updated_by integer REFERENCES users(id);
UPDATE budget_documents SET updated_by = created_by;

-- The first version of a chain; versions are unique within it. Duplicates saved before this
-- migration (parallel "new version" calls) are numbered in order of creation.
ALTER TABLE budget_documents ADD COLUMN lineage_id integer REFERENCES budget_documents(id);
UPDATE budget_documents b SET lineage_id = chain.root FROM (WITH RECURSIVE c(id, root) AS (SELECT id, id FROM budget_documents WHERE previous_id IS NULL UNION ALL SELECT n.id, c.root FROM budget_documents n JOIN c ON n.previous_id = c.id) SELECT id, root FROM c) chain WHERE b.id = chain.id;
UPDATE budget_documents b SET version = numbered.v FROM (SELECT id, row_number() OVER (PARTITION BY lineage_id ORDER BY version, id) AS v FROM budget_documents) numbered WHERE b.id = numbered.id AND b.version <> numbered.v;
CREATE FUNCTION budget_documents_lineage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.lineage_id IS NULL THEN NEW.lineage_id := NEW.id; END IF; RETURN NEW; END $$;
CREATE TRIGGER budget_documents_lineage BEFORE INSERT ON budget_documents FOR EACH ROW EXECUTE FUNCTION budget_documents_lineage();
ALTER TABLE budget_documents ALTER COLUMN lineage_id SET NOT NULL;
ALTER TABLE budget_documents ADD CONSTRAINT budget_documents_lineage_version UNIQUE (lineage_id, version);

-- A decided document is immutable (its spec holds its lines) and never deleted.
CREATE FUNCTION budget_documents_decided_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN IF OLD.status = 'decided' THEN RAISE EXCEPTION 'budget document % is decided and cannot be deleted', OLD.id USING ERRCODE = 'check_violation'; END IF; RETURN OLD; END IF; IF OLD.status = 'decided' AND (NEW.kind, NEW.status, NEW.title, NEW.year, NEW.spec, NEW.result, NEW.metadata, NEW.total_ore, NEW.organisation_id, NEW.version, NEW.previous_id, NEW.lineage_id, NEW.decided_by, NEW.decided_at, NEW.revision) IS DISTINCT FROM (OLD.kind, OLD.status, OLD.title, OLD.year, OLD.spec, OLD.result, OLD.metadata, OLD.total_ore, OLD.organisation_id, OLD.version, OLD.previous_id, OLD.lineage_id, OLD.decided_by, OLD.decided_at, OLD.revision) THEN RAISE EXCEPTION 'budget document % is decided and cannot be changed', OLD.id USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$;
CREATE TRIGGER budget_documents_decided_immutable BEFORE UPDATE OR DELETE ON budget_documents FOR EACH ROW EXECUTE FUNCTION budget_documents_decided_immutable();
