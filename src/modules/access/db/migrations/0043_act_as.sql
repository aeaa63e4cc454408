-- One place that turns an account into a transaction's context. access.begin_request (a
-- session) and access.begin_job (a job's creator) used to carry the same settings and the same
-- user row each; both now call access.act_as(). Not executable by the application role: only
-- these definer functions, which have checked the session or the job first, may act as a user.

CREATE FUNCTION access.act_as(u access.users)
RETURNS TABLE (user_id uuid, username text, full_name_ar text, full_name_fr text, email text, phone text,
  language text, role text, scope_level text, region_id uuid, delegation_id uuid, association_id uuid,
  institution_id uuid, scope_name_ar text, scope_name_fr text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
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
REVOKE ALL ON FUNCTION access.act_as(access.users) FROM PUBLIC;

CREATE OR REPLACE FUNCTION access.begin_request(p_token_hash bytea, p_idle interval)
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
  RETURN QUERY SELECT * FROM access.act_as(u);
END $$;

CREATE OR REPLACE FUNCTION access.begin_job(p_job_id uuid)
RETURNS TABLE (user_id uuid, username text, full_name_ar text, full_name_fr text, email text, phone text,
  language text, role text, scope_level text, region_id uuid, delegation_id uuid, association_id uuid,
  institution_id uuid, scope_name_ar text, scope_name_fr text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  u access.users;
BEGIN
  SELECT usr.* INTO u FROM jobs.jobs j JOIN access.users usr ON usr.id = j.created_by
  WHERE j.id = p_job_id AND usr.status = 'active';
  IF NOT FOUND THEN RETURN; END IF;
  RETURN QUERY SELECT * FROM access.act_as(u);
END $$;
