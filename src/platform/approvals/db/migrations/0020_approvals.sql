-- One approval workflow for every kind of submission (plans, budgets, reports, conventions, …).
-- A subject (a row of a domain table) has one submission: its chain of levels, copied from the
-- document type's configuration when the submission is opened, the level that acts next, its
-- state, and the state of each of its sections. Steps are the append-only history.
--
-- The lock is in the database: domain tables attach approvals.guard() so that a row whose
-- section is submitted or approved cannot be inserted, changed or deleted (only 'open' and
-- 'returned' sections are editable), and an approved submission can never change again.
-- Refusals raise SQLSTATE RA409, which the server answers as 409 approvals.errors.locked.

CREATE SCHEMA approvals;
GRANT USAGE ON SCHEMA approvals TO raaya_app;

CREATE TABLE approvals.submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type text NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9_]{1,60}$'),
  subject_id uuid NOT NULL,
  -- The chain copied at opening: a later change of configuration does not move running submissions.
  chain text[] NOT NULL CHECK (cardinality(chain) BETWEEN 2 AND 6
    AND chain <@ ARRAY['institution', 'association', 'delegation', 'region', 'central']),
  -- The level that acts next: 0 is the author's level (drafts, submits, corrects what is returned).
  level_index int NOT NULL DEFAULT 0 CHECK (level_index >= 0 AND level_index < cardinality(chain)),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'approved', 'returned')),
  label_ar text NOT NULL CHECK (length(label_ar) BETWEEN 1 AND 200),
  label_fr text NOT NULL CHECK (length(label_fr) BETWEEN 1 AND 200),
  -- Where the subject is seen in the staff app ('/planning/plans/<id>').
  link text NOT NULL CHECK (link ~ '^/[a-z0-9/_-]{1,200}$'),
  region_id uuid REFERENCES territory.regions(id),
  delegation_id uuid REFERENCES organisation.delegations(id),
  association_id uuid,
  institution_id uuid,
  -- Since when the submission waits at its current level (the inbox order).
  waiting_since timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subject_type, subject_id),
  CONSTRAINT submissions_level_matches_state CHECK (
    CASE state WHEN 'submitted' THEN level_index > 0 ELSE level_index = 0 OR state = 'approved' END)
);
-- The inbox: what waits, by type and level, newest first; and the scope filters of RLS.
CREATE INDEX submissions_inbox_idx ON approvals.submissions (state, subject_type, level_index, waiting_since DESC, id DESC);
CREATE INDEX submissions_region_idx ON approvals.submissions (region_id, state);
CREATE INDEX submissions_delegation_idx ON approvals.submissions (delegation_id, state);
CREATE INDEX submissions_association_idx ON approvals.submissions (association_id, state);
CREATE INDEX submissions_institution_idx ON approvals.submissions (institution_id, state);

CREATE TABLE approvals.section_states (
  submission_id uuid NOT NULL REFERENCES approvals.submissions(id) ON DELETE CASCADE,
  section_key text NOT NULL CHECK (section_key ~ '^[a-z][a-z0-9_]{0,60}$'),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'submitted', 'returned', 'approved')),
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (submission_id, section_key)
);

CREATE TABLE approvals.steps (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES approvals.submissions(id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('submit', 'validate', 'return', 'approve')),
  level text NOT NULL,
  level_index int NOT NULL,
  actor_id uuid NOT NULL REFERENCES access.users(id),
  actor_role text NOT NULL,
  -- Who, as they were named when they acted (their account may lie outside the reader's scope).
  actor_name_ar text NOT NULL,
  actor_name_fr text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  comment text CHECK (length(comment) <= 4000),
  sections text[] NOT NULL DEFAULT '{}',
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid,
  -- A return always says why.
  CONSTRAINT steps_return_has_comment CHECK (action <> 'return' OR (length(trim(comment)) > 0 AND cardinality(sections) > 0))
);
CREATE INDEX steps_submission_idx ON approvals.steps (submission_id, id);

-- Approved is final; every other move follows the workflow, whoever writes.
CREATE FUNCTION approvals.check_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'approved' THEN
    RAISE EXCEPTION 'approved submissions are locked' USING ERRCODE = 'RA409';
  END IF;
  IF TG_TABLE_NAME = 'submissions' THEN
    IF NEW.subject_type <> OLD.subject_type OR NEW.subject_id <> OLD.subject_id OR NEW.chain <> OLD.chain THEN
      RAISE EXCEPTION 'a submission keeps its subject and chain' USING ERRCODE = 'RA409';
    END IF;
    IF NOT ((OLD.state, NEW.state) IN (('draft', 'draft'), ('draft', 'submitted'), ('returned', 'submitted'),
        ('submitted', 'submitted'), ('submitted', 'returned'), ('submitted', 'approved'), ('returned', 'returned'))) THEN
      RAISE EXCEPTION 'submission cannot go from % to %', OLD.state, NEW.state USING ERRCODE = 'RA409';
    END IF;
  ELSIF NOT ((OLD.state, NEW.state) IN (('open', 'submitted'), ('returned', 'submitted'), ('submitted', 'submitted'),
      ('submitted', 'returned'), ('submitted', 'approved'))) THEN
    RAISE EXCEPTION 'section cannot go from % to %', OLD.state, NEW.state USING ERRCODE = 'RA409';
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER submissions_transition BEFORE UPDATE ON approvals.submissions
  FOR EACH ROW EXECUTE FUNCTION approvals.check_transition();
CREATE TRIGGER section_states_transition BEFORE UPDATE ON approvals.section_states
  FOR EACH ROW EXECUTE FUNCTION approvals.check_transition();

-- The lock that subject tables attach:
--   BEFORE UPDATE OR DELETE on the subject's own table, and
--   BEFORE INSERT OR UPDATE OR DELETE on its section child tables,
-- with arguments (subject_type, column holding the subject id, section key or '@column').
-- A row is writable when its section is 'open' or 'returned', or when no submission exists yet.
-- SECURITY DEFINER: row-level security must not hide the submission from the check.
CREATE FUNCTION approvals.guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r jsonb;
  v_state text;
  v_section text;
BEGIN
  FOREACH r IN ARRAY CASE TG_OP
      WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)]
      WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)]
      ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END LOOP
    v_section := CASE WHEN left(TG_ARGV[2], 1) = '@' THEN r ->> substr(TG_ARGV[2], 2) ELSE TG_ARGV[2] END;
    SELECT ss.state INTO v_state
    FROM approvals.submissions s
    JOIN approvals.section_states ss ON ss.submission_id = s.id AND ss.section_key = v_section
    WHERE s.subject_type = TG_ARGV[0] AND s.subject_id = (r ->> TG_ARGV[1])::uuid;
    IF v_state IN ('submitted', 'approved') THEN
      RAISE EXCEPTION 'section % of % % is % and locked', v_section, TG_ARGV[0], r ->> TG_ARGV[1], v_state
        USING ERRCODE = 'RA409';
    END IF;
  END LOOP;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER submissions_audit AFTER INSERT OR UPDATE OR DELETE ON approvals.submissions
  FOR EACH ROW EXECUTE FUNCTION audit.capture('waiting_since');
CREATE TRIGGER section_states_audit AFTER INSERT OR UPDATE OR DELETE ON approvals.section_states
  FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER steps_audit AFTER INSERT OR UPDATE OR DELETE ON approvals.steps
  FOR EACH ROW EXECUTE FUNCTION audit.capture();

ALTER TABLE approvals.submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE approvals.section_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE approvals.steps ENABLE ROW LEVEL SECURITY;
CREATE POLICY submissions_in_scope ON approvals.submissions TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY section_states_in_scope ON approvals.section_states TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY steps_in_scope ON approvals.steps TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id)
    AND actor_id = app.current_user_id());

GRANT SELECT, INSERT ON approvals.submissions, approvals.section_states, approvals.steps TO raaya_app;
GRANT UPDATE (level_index, state, waiting_since) ON approvals.submissions TO raaya_app;
GRANT UPDATE (state) ON approvals.section_states TO raaya_app;
-- No DELETE, and no UPDATE of steps: the history is append-only.
