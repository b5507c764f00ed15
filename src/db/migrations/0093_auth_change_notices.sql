-- A server keeps the sessions it has read (src/app/auth/session-cache.ts) so that a request does
-- not cost a round trip to find its user. Whatever a kept session was read from is announced
-- here when it changes, by whichever process changes it (another server, the CLI, a restore), on
-- the channel every server listens to: 'session:<token hash>', 'user:<id>', or '*' for all.
-- PostgreSQL sends a notice at commit and folds identical ones within a transaction; a rolled-back
-- change sends none.
--
-- A row trigger names its key as arguments: the notice's prefix and the column that holds it.
CREATE FUNCTION auth_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('fordela_auth', '*');
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM pg_notify('fordela_auth', TG_ARGV[0] || ':' || (to_jsonb(OLD) ->> TG_ARGV[1])); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM pg_notify('fordela_auth', TG_ARGV[0] || ':' || (to_jsonb(NEW) ->> TG_ARGV[1])); END IF;
  RETURN NULL;
END $$;

-- A request marking its session as seen (last_seen_at) changes nothing a server keeps.
CREATE TRIGGER sessions_auth_notice AFTER DELETE OR UPDATE OF token_hash, user_id, csrf_token, expires_at ON sessions
  FOR EACH ROW EXECUTE FUNCTION auth_notice('session', 'token_hash');
CREATE TRIGGER user_roles_auth_notice AFTER INSERT OR UPDATE OR DELETE ON user_roles
  FOR EACH ROW EXECUTE FUNCTION auth_notice('user', 'user_id');
-- Failed-login counters and password hashes are not in a kept session; who the user is and may do are.
CREATE TRIGGER users_auth_notice AFTER DELETE OR UPDATE OF username, display_name, is_admin, must_change_password, deactivated_at ON users
  FOR EACH ROW EXECUTE FUNCTION auth_notice('user', 'id');
CREATE TRIGGER organisations_auth_notice AFTER DELETE OR UPDATE OF code, name ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION auth_notice();
CREATE TRIGGER sessions_auth_notice_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION auth_notice();
CREATE TRIGGER users_auth_notice_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION auth_notice();
CREATE TRIGGER user_roles_auth_notice_truncate AFTER TRUNCATE ON user_roles FOR EACH STATEMENT EXECUTE FUNCTION auth_notice();
CREATE TRIGGER organisations_auth_notice_truncate AFTER TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION auth_notice();
