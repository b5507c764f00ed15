-- The audit log becomes append-only and tamper-evident. Each entry stores the hash of the
-- entry before it (prev_hash) and its own hash = sha256(prev_hash || canonical content), so
-- changing, inserting or removing an entry breaks the chain that `fordela audit verify` walks.
-- PostgreSQL's built-in sha256() (not pgcrypto) runs the same in PGlite and on a server.
-- The chain head is one locked row: concurrent writers take turns, and the id is assigned
-- under that lock, so id order is chain order on PostgreSQL too.

ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;

CREATE TABLE audit_chain_head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last_id bigint NOT NULL,
  hash text NOT NULL
);

-- The content an entry's hash covers, written the same way whatever the session's time zone or
-- date style: jsonb's text form is canonical (keys sorted), the time is UTC with microseconds.
CREATE FUNCTION audit_log_content(a audit_log) RETURNS text LANGUAGE sql STABLE AS $$ SELECT jsonb_build_array(a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), a.user_id, a.username, a.organisation_id, a.action, a.entity, a.entity_id, a.before, a.after)::text $$;

CREATE FUNCTION audit_log_hash(prev text, a audit_log) RETURNS text LANGUAGE sql STABLE AS $$ SELECT encode(sha256(convert_to(prev || audit_log_content(a), 'UTF8')), 'hex') $$;

-- Chain the entries written before this migration, oldest first.
INSERT INTO audit_chain_head (only_row, last_id, hash) VALUES (true, 0, repeat('0', 64));

DO $$ DECLARE r audit_log; prev text := repeat('0', 64); last bigint := 0; BEGIN FOR r IN SELECT * FROM audit_log ORDER BY id LOOP r.prev_hash := prev; UPDATE audit_log SET prev_hash = prev, hash = audit_log_hash(prev, r) WHERE id = r.id RETURNING hash INTO prev; last := r.id; END LOOP; UPDATE audit_chain_head SET last_id = last, hash = prev; END $$;

ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;

-- The id is taken under the chain lock (below), not from a default before it.
ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE head audit_chain_head; BEGIN SELECT * INTO head FROM audit_chain_head FOR UPDATE; IF NEW.id IS NULL THEN NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id')); ELSIF NEW.id <= head.last_id THEN RAISE EXCEPTION 'audit_log: id % is not after the last entry %', NEW.id, head.last_id USING ERRCODE = 'check_violation'; END IF; NEW.prev_hash := head.hash; NEW.hash := audit_log_hash(head.hash, NEW); UPDATE audit_chain_head SET last_id = NEW.id, hash = NEW.hash; RETURN NEW; END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'Granskningsloggen går inte att ändra eller radera (%).', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The audit page filters by record and by user.
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_user ON audit_log (user_id);
