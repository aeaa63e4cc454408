-- Platform base: the application role, the schema of shared functions, and the scope predicate
-- every row-level security policy uses. Settings are transaction-local (set_config(..., true)),
-- written only by access.begin_request() at the start of each request's transaction.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'raaya_app') THEN
    -- LOGIN and the password are set by the migration runner from configuration.
    CREATE ROLE raaya_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SCHEMA IF NOT EXISTS app;
GRANT USAGE ON SCHEMA app TO raaya_app;

CREATE FUNCTION app.setting_uuid(name text) RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting(name, true), '')::uuid
$$;

CREATE FUNCTION app.current_user_id() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT app.setting_uuid('app.user_id') $$;

CREATE FUNCTION app.current_role() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('app.role', true), '') $$;

CREATE FUNCTION app.current_scope_level() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT nullif(current_setting('app.scope_level', true), '') $$;

-- Is a row carrying these scope keys inside the current user's scope?
-- A row is visible to the nation, to the region it lies in, to the delegation it lies in, and to
-- the association or institution it belongs to. No context (no user) sees nothing.
CREATE FUNCTION app.scope_allows(row_region uuid, row_delegation uuid, row_association uuid, row_institution uuid)
RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE app.current_scope_level()
    WHEN 'nation' THEN true
    WHEN 'region' THEN row_region = app.setting_uuid('app.region_id')
    WHEN 'delegation' THEN row_delegation = app.setting_uuid('app.delegation_id')
    WHEN 'association' THEN row_association = app.setting_uuid('app.association_id')
    WHEN 'institution' THEN row_institution = app.setting_uuid('app.institution_id')
    ELSE false
  END
$$;

CREATE FUNCTION app.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;
