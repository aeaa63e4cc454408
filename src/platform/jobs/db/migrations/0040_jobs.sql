-- Background jobs. The queue itself is pg-boss (schema pgboss, installed by the migration runner
-- as the owner, see src/platform/jobs/queue.ts); this schema holds what users see of their jobs:
-- state, progress, result file and errors. A user sees only the jobs they created.
-- Jobs run as their creator: access.begin_job() sets the same transaction settings as
-- access.begin_request(), so row-level security applies inside jobs exactly as in requests.
-- State changes and progress go through the SECURITY DEFINER functions below (the worker runs them
-- in short transactions of their own, so the UI sees progress while the job's work is uncommitted).

CREATE SCHEMA jobs;
GRANT USAGE ON SCHEMA jobs TO raaya_app;

CREATE TABLE jobs.jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{2,59}$'),
  params jsonb NOT NULL DEFAULT '{}',
  created_by uuid NOT NULL REFERENCES access.users(id),
  -- The creator's scope keys when the job was created (jobs are scoped rows like any other).
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  cancel_requested boolean NOT NULL DEFAULT false,
  progress_done int NOT NULL DEFAULT 0 CHECK (progress_done >= 0),
  progress_total int CHECK (progress_total >= 0),
  -- What the job produced: a file under RAAYA_DATA_DIR (relative path), and a summary.
  result_path text CHECK (result_path !~ '(^/|\.\.)'),
  result_name text,
  result_type text,
  result jsonb,
  -- Why it failed: a catalog key (translated when shown), and how many row errors it recorded.
  error_key text,
  error_count int NOT NULL DEFAULT 0,
  attempts int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  CONSTRAINT jobs_finished CHECK ((state IN ('succeeded', 'failed', 'cancelled')) = (finished_at IS NOT NULL))
);
CREATE INDEX jobs_creator_idx ON jobs.jobs (created_by, created_at DESC, id DESC);
CREATE INDEX jobs_kind_idx ON jobs.jobs (created_by, kind, created_at DESC, id DESC);

ALTER TABLE jobs.jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY jobs_own ON jobs.jobs TO raaya_app
  USING (created_by = app.current_user_id())
  WITH CHECK (created_by = app.current_user_id()
    AND app.scope_allows(region_id, delegation_id, association_id, institution_id));
GRANT SELECT, INSERT ON jobs.jobs TO raaya_app;
CREATE TRIGGER jobs_audit AFTER INSERT OR DELETE ON jobs.jobs
  FOR EACH ROW EXECUTE FUNCTION audit.capture();

-- Per-row errors of a job (imports): row number in the file, column (field key), catalog key.
CREATE TABLE jobs.row_errors (
  job_id uuid NOT NULL REFERENCES jobs.jobs(id) ON DELETE CASCADE,
  seq int NOT NULL,
  row_number int NOT NULL,
  field text NOT NULL,
  key text NOT NULL,
  params jsonb,
  value text,
  PRIMARY KEY (job_id, seq)
);
ALTER TABLE jobs.row_errors ENABLE ROW LEVEL SECURITY;
CREATE POLICY row_errors_own ON jobs.row_errors FOR SELECT TO raaya_app
  USING (EXISTS (SELECT 1 FROM jobs.jobs j WHERE j.id = job_id AND j.created_by = app.current_user_id()));
GRANT SELECT ON jobs.row_errors TO raaya_app;

-- Uploaded import files, kept under RAAYA_DATA_DIR/imports until their import is done.
CREATE TABLE jobs.uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by uuid NOT NULL REFERENCES access.users(id) DEFAULT app.current_user_id(),
  target text NOT NULL,
  file_path text NOT NULL CHECK (file_path !~ '(^/|\.\.)'),
  file_name text NOT NULL CHECK (length(file_name) <= 255),
  file_type text NOT NULL CHECK (file_type IN ('xlsx', 'csv')),
  headers jsonb NOT NULL,
  row_count int NOT NULL CHECK (row_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_creator_idx ON jobs.uploads (created_by, created_at DESC);
ALTER TABLE jobs.uploads ENABLE ROW LEVEL SECURITY;
CREATE POLICY uploads_own ON jobs.uploads TO raaya_app
  USING (created_by = app.current_user_id()) WITH CHECK (created_by = app.current_user_id());
GRANT SELECT, INSERT (target, file_path, file_name, file_type, headers, row_count) ON jobs.uploads TO raaya_app;

-- The last column mapping each user chose for each import target.
CREATE TABLE jobs.import_mappings (
  user_id uuid NOT NULL REFERENCES access.users(id) ON DELETE CASCADE DEFAULT app.current_user_id(),
  target text NOT NULL,
  -- { "<field key>": "<header text in the file>" }
  mapping jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, target)
);
ALTER TABLE jobs.import_mappings ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_mappings_own ON jobs.import_mappings TO raaya_app
  USING (user_id = app.current_user_id()) WITH CHECK (user_id = app.current_user_id());
GRANT SELECT, INSERT (target, mapping), UPDATE (mapping, updated_at) ON jobs.import_mappings TO raaya_app;

-- Opens a job's transaction as its creator: the same settings as access.begin_request(), read from
-- the creator's account (still active, else nothing is returned and the job fails).
CREATE FUNCTION access.begin_job(p_job_id uuid)
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
REVOKE ALL ON FUNCTION access.begin_job(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.begin_job(uuid) TO raaya_app;

-- The worker's state changes, each in its own short transaction. Only the worker calls them; they
-- never widen what a user can see (jobs stay readable by their creator only).
CREATE FUNCTION jobs.mark_running(p_job_id uuid) RETURNS text
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  UPDATE jobs.jobs SET state = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'running' END,
    started_at = now(), finished_at = CASE WHEN cancel_requested THEN now() END,
    progress_done = 0, progress_total = NULL, attempts = attempts + 1, error_key = NULL, error_count = 0
  WHERE id = p_job_id AND state IN ('queued', 'running')
  RETURNING state
$$;

-- Records progress and answers whether the user asked to cancel.
CREATE FUNCTION jobs.report_progress(p_job_id uuid, p_done int, p_total int) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  UPDATE jobs.jobs SET progress_done = p_done, progress_total = p_total
  WHERE id = p_job_id AND state = 'running'
  RETURNING cancel_requested
$$;

CREATE FUNCTION jobs.finish(p_job_id uuid, p_state text, p_result jsonb, p_result_path text,
  p_result_name text, p_result_type text, p_error_key text, p_errors jsonb)
RETURNS TABLE (created_by uuid, kind text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  DELETE FROM jobs.row_errors WHERE job_id = p_job_id;
  INSERT INTO jobs.row_errors (job_id, seq, row_number, field, key, params, value)
  SELECT p_job_id, ord::int, (e->>'row')::int, e->>'field', e->>'key', e->'params', e->>'value'
  FROM jsonb_array_elements(coalesce(p_errors, '[]')) WITH ORDINALITY AS x(e, ord);
  UPDATE jobs.jobs SET state = p_state, finished_at = now(), result = p_result, result_path = p_result_path,
    result_name = p_result_name, result_type = p_result_type, error_key = p_error_key,
    error_count = jsonb_array_length(coalesce(p_errors, '[]')),
    progress_done = CASE WHEN p_state = 'succeeded' THEN coalesce(progress_total, progress_done) ELSE progress_done END
  WHERE id = p_job_id AND state IN ('queued', 'running');
  -- Whom to tell, and about what.
  RETURN QUERY SELECT j.created_by, j.kind FROM jobs.jobs j WHERE j.id = p_job_id;
END $$;

-- The creator asks to cancel: a queued job is cancelled at once, a running one at its next batch.
CREATE FUNCTION jobs.request_cancel(p_job_id uuid) RETURNS text
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  UPDATE jobs.jobs SET cancel_requested = true,
    state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
    finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END
  WHERE id = p_job_id AND created_by = nullif(current_setting('app.user_id', true), '')::uuid
    AND state IN ('queued', 'running')
  RETURNING state
$$;
REVOKE ALL ON FUNCTION jobs.request_cancel(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION jobs.request_cancel(uuid) TO raaya_app;

REVOKE ALL ON FUNCTION jobs.mark_running(uuid), jobs.report_progress(uuid, int, int),
  jobs.finish(uuid, text, jsonb, text, text, text, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION jobs.mark_running(uuid), jobs.report_progress(uuid, int, int),
  jobs.finish(uuid, text, jsonb, text, text, text, text, jsonb) TO raaya_app;

-- Which of these usernames are already taken anywhere in the country (usernames are national;
-- row-level security would hide the accounts of other scopes). Says no more than the
-- "username taken" answer of account creation already does.
CREATE FUNCTION access.taken_usernames(p_usernames text[]) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT username FROM access.users WHERE username = ANY (p_usernames)
$$;
REVOKE ALL ON FUNCTION access.taken_usernames(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access.taken_usernames(text[]) TO raaya_app;
