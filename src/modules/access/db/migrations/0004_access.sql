-- Accounts, their scope, and sessions. An account sees and administers only the accounts inside
-- its own scope (row-level security, WITH CHECK included, so no one creates an account outside).
-- Sessions and password hashes are never readable by the application role: login and session
-- checks go through the SECURITY DEFINER functions below, which return only what is needed.

CREATE SCHEMA access;
GRANT USAGE ON SCHEMA access TO raaya_app;

CREATE TABLE access.users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Usernames are national identifiers: unique across the country (a taken name is reported).
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  password_hash text NOT NULL,
  full_name_ar text NOT NULL CHECK (length(full_name_ar) BETWEEN 1 AND 120),
  full_name_fr text NOT NULL CHECK (length(full_name_fr) BETWEEN 1 AND 120),
  email text CHECK (length(email) <= 200 AND email LIKE '%_@_%'),
  phone text CHECK (phone ~ '^\+?[0-9 ]{6,20}$'),
  language text NOT NULL DEFAULT 'ar' CHECK (language IN ('ar', 'fr')),
  role text NOT NULL CHECK (role IN ('system_admin', 'central_analyst', 'regional_coordinator',
    'provincial_delegate', 'inspector', 'social_worker', 'institution_director',
    'institution_accountant', 'association_officer')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  scope_level text NOT NULL CHECK (scope_level IN ('nation', 'region', 'delegation', 'association', 'institution')),
  region_id uuid REFERENCES territory.regions(id),
  delegation_id uuid REFERENCES organisation.delegations(id),
  -- Registry tables (associations, institutions) add their foreign keys when they arrive.
  association_id uuid,
  institution_id uuid,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_scope_keys CHECK (
    CASE scope_level
      WHEN 'nation' THEN region_id IS NULL AND delegation_id IS NULL AND association_id IS NULL AND institution_id IS NULL
      WHEN 'region' THEN region_id IS NOT NULL AND delegation_id IS NULL AND association_id IS NULL AND institution_id IS NULL
      WHEN 'delegation' THEN region_id IS NOT NULL AND delegation_id IS NOT NULL AND association_id IS NULL AND institution_id IS NULL
      WHEN 'association' THEN association_id IS NOT NULL AND institution_id IS NULL
      WHEN 'institution' THEN institution_id IS NOT NULL
    END)
);
CREATE INDEX users_region_idx ON access.users (region_id, username);
CREATE INDEX users_delegation_idx ON access.users (delegation_id, username);
CREATE INDEX users_association_idx ON access.users (association_id, username);
CREATE INDEX users_institution_idx ON access.users (institution_id, username);
CREATE INDEX users_role_idx ON access.users (role, username);
CREATE INDEX users_search_trgm_idx ON access.users
  USING gin (lower(username || ' ' || full_name_fr || ' ' || full_name_ar) gin_trgm_ops);

-- A delegation-scoped row always carries its region, so region users see it too.
CREATE FUNCTION access.fill_scope_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.delegation_id IS NOT NULL THEN
    SELECT d.region_id INTO NEW.region_id FROM organisation.delegations d WHERE d.id = NEW.delegation_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER users_fill_scope_keys BEFORE INSERT OR UPDATE ON access.users
  FOR EACH ROW EXECUTE FUNCTION access.fill_scope_keys();
CREATE TRIGGER users_touch BEFORE UPDATE ON access.users FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON access.users
  FOR EACH ROW EXECUTE FUNCTION audit.capture('password_hash', 'failed_logins', 'locked_until', 'last_login_at');

ALTER TABLE access.users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_in_scope ON access.users TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
-- The password hash column is not readable by the application role.
GRANT SELECT (id, username, full_name_ar, full_name_fr, email, phone, language, role, status, scope_level,
  region_id, delegation_id, association_id, institution_id, last_login_at, created_at, updated_at)
  ON access.users TO raaya_app;
GRANT INSERT (username, password_hash, full_name_ar, full_name_fr, email, phone, language, role, status,
  scope_level, region_id, delegation_id, association_id, institution_id) ON access.users TO raaya_app;
GRANT DELETE ON access.users TO raaya_app;
GRANT UPDATE (password_hash, full_name_ar, full_name_fr, email, phone, language, role, status, scope_level,
  region_id, delegation_id, association_id, institution_id, password_changed_at, failed_logins, locked_until)
  ON access.users TO raaya_app;

CREATE TABLE access.sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES access.users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON access.sessions (user_id);
CREATE INDEX sessions_expiry_idx ON access.sessions (expires_at);
-- No policy and no grant: only the definer functions touch sessions.
ALTER TABLE access.sessions ENABLE ROW LEVEL SECURITY;

-- Starts a request's context: checks the session, slides its idle expiry, sets the
-- transaction-local settings the policies read, and returns the user with its scope.
CREATE FUNCTION access.begin_request(p_token_hash bytea, p_idle interval)
RETURNS TABLE (user_id uuid, username text, full_name_ar text, full_name_fr text, email text, phone text,
  language text, role text, scope_level text, region_id uuid, delegation_id uuid, association_id uuid,
  institution_id uuid, scope_name_ar text, scope_name_fr text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  s access.sessions;
  u access.users;
BEGIN
  SELECT * INTO s FROM access.sessions WHERE token_hash = p_token_hash AND expires_at > now()
    AND last_seen_at > now() - p_idle;
  IF NOT FOUND THEN RETURN; END IF;
  SELECT * INTO u FROM access.users WHERE id = s.user_id AND status = 'active';
  IF NOT FOUND THEN RETURN; END IF;
  -- Write the idle clock at most once a minute: a read request should not write every time.
  IF s.last_seen_at < now() - interval '1 minute' THEN
    UPDATE access.sessions SET last_seen_at = now() WHERE token_hash = p_token_hash;
  END IF;
  PERFORM set_config('app.user_id', u.id::text, true),
    set_config('app.role', u.role, true),
    set_config('app.scope_level', u.scope_level, true),
    set_config('app.region_id', coalesce(u.region_id::text, ''), true),
    set_config('app.delegation_id', coalesce(u.delegation_id::text, ''), true),
    set_config('app.association_id', coalesce(u.association_id::text, ''), true),
    set_config('app.institution_id', coalesce(u.institution_id::text, ''), true);
  RETURN QUERY SELECT u.id, u.username, u.full_name_ar, u.full_name_fr, u.email, u.phone, u.language, u.role,
    u.scope_level, u.region_id, u.delegation_id, u.association_id, u.institution_id,
    coalesce(d.name_ar, c.name_ar, 'التعاون الوطني - الإدارة المركزية'),
    coalesce(d.name_fr, c.name_fr, 'Entraide Nationale - Administration centrale')
  FROM (SELECT 1) one
  LEFT JOIN organisation.delegations d ON d.id = u.delegation_id
  LEFT JOIN organisation.coordinations c ON c.region_id = u.region_id AND u.delegation_id IS NULL;
END $$;
REVOKE ALL ON FUNCTION access.begin_request(bytea, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.begin_request(bytea, interval) TO raaya_app;

-- What login needs to check a password, nothing more; a locked or disabled account says so.
CREATE FUNCTION access.login_lookup(p_username text)
RETURNS TABLE (user_id uuid, password_hash text, status text, locked_until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT id, password_hash, status, locked_until FROM access.users WHERE username = lower(p_username)
$$;
REVOKE ALL ON FUNCTION access.login_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.login_lookup(text) TO raaya_app;

-- Counts a failed attempt and locks the account for p_lock after p_max failures in a row.
CREATE FUNCTION access.record_login_failure(p_user_id uuid, p_max int, p_lock interval, p_ip text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  u access.users;
BEGIN
  UPDATE access.users SET failed_logins = failed_logins + 1,
    locked_until = CASE WHEN failed_logins + 1 >= p_max THEN now() + p_lock ELSE locked_until END
  WHERE id = p_user_id RETURNING * INTO u;
  IF FOUND THEN
    PERFORM audit.append('access.users', u.id::text, 'event',
      CASE WHEN u.locked_until > now() THEN 'login_locked' ELSE 'login_failed' END, NULL,
      jsonb_build_object('ip', p_ip, 'failedLogins', u.failed_logins), to_jsonb(u));
  END IF;
END $$;
REVOKE ALL ON FUNCTION access.record_login_failure(uuid, int, interval, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.record_login_failure(uuid, int, interval, text) TO raaya_app;

-- Opens a session after a verified password (the caller has checked it with argon2id).
CREATE FUNCTION access.open_session(p_user_id uuid, p_token_hash bytea, p_lifetime interval, p_ip text, p_user_agent text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  u access.users;
BEGIN
  -- The login is the user's own act: attribute it (and what follows in this transaction) to them.
  PERFORM set_config('app.user_id', p_user_id::text, true);
  UPDATE access.users SET failed_logins = 0, locked_until = NULL, last_login_at = now()
  WHERE id = p_user_id AND status = 'active' AND (locked_until IS NULL OR locked_until <= now())
  RETURNING * INTO u;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'account not active' USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM access.sessions WHERE user_id = p_user_id AND expires_at <= now();
  INSERT INTO access.sessions (token_hash, user_id, expires_at, ip, user_agent)
  VALUES (p_token_hash, p_user_id, now() + p_lifetime, p_ip, left(p_user_agent, 300));
  PERFORM audit.append('access.users', u.id::text, 'event', 'login', NULL,
    jsonb_build_object('ip', p_ip), to_jsonb(u));
END $$;
REVOKE ALL ON FUNCTION access.open_session(uuid, bytea, interval, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.open_session(uuid, bytea, interval, text, text) TO raaya_app;

-- Ends one session (logout) or, with p_all, every session of the current user except this one.
CREATE FUNCTION access.close_session(p_token_hash bytea, p_all_others boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  uid uuid;
BEGIN
  SELECT user_id INTO uid FROM access.sessions WHERE token_hash = p_token_hash;
  IF NOT FOUND THEN RETURN; END IF;
  IF p_all_others THEN
    DELETE FROM access.sessions WHERE user_id = uid AND token_hash <> p_token_hash;
  ELSE
    DELETE FROM access.sessions WHERE token_hash = p_token_hash;
    PERFORM audit.append('access.users', uid::text, 'event', 'logout', NULL, NULL,
      (SELECT to_jsonb(u) FROM access.users u WHERE u.id = uid));
  END IF;
END $$;
REVOKE ALL ON FUNCTION access.close_session(bytea, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.close_session(bytea, boolean) TO raaya_app;

-- Ends every session of an account (disabled, or its password reset by an administrator).
-- Only for accounts the caller can see, so the scope rule holds here too.
CREATE FUNCTION access.close_user_sessions(p_user_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM access.users u WHERE u.id = p_user_id
      AND app.scope_allows(u.region_id, u.delegation_id, u.association_id, u.institution_id)) THEN
    RETURN;
  END IF;
  DELETE FROM access.sessions WHERE user_id = p_user_id;
END $$;
REVOKE ALL ON FUNCTION access.close_user_sessions(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.close_user_sessions(uuid) TO raaya_app;

-- The current user's password hash, for the "change my password" check.
CREATE FUNCTION access.current_password_hash() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT password_hash FROM access.users WHERE id = nullif(current_setting('app.user_id', true), '')::uuid
$$;
REVOKE ALL ON FUNCTION access.current_password_hash() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.current_password_hash() TO raaya_app;
