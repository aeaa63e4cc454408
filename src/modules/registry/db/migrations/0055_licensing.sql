-- The licensing lifecycle of an institution (law 65-15 arts. 9-17, 30-40; decree 2.19.693 arts. 1-5),
-- decision 0010. Every step is one appended row of registry.licensing_steps, dated and signed by
-- its author. A trigger owned by the tables' owner checks that the step may follow the current
-- state (the state machine lives here, whatever writes), keeps the current state and the clock of
-- the current step in registry.licensing_states, and is the only writer of the institution's
-- status, licence_number and licence_date.

-- Today in Morocco: every "days left" is counted from this one day.
CREATE FUNCTION registry.today() RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT (now() AT TIME ZONE 'Africa/Casablanca')::date $$;

-- The application file of decree 2.19.693 art. 2: the founder's items depend on its legal form
-- (natural person, private law, public law); the institution's and the director's apply to all.
CREATE TABLE registry.licence_checklist_items (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  -- NULL: every application.
  founder_kind text CHECK (founder_kind IN ('natural_person', 'private_law', 'public_law')),
  part text NOT NULL CHECK (part IN ('founder', 'institution', 'director')),
  position int NOT NULL,
  -- The convention with the State is asked for only when there is one.
  required boolean NOT NULL DEFAULT true
);
INSERT INTO registry.licence_checklist_items (code, founder_kind, part, position, required) VALUES
  ('founder_cnie', 'natural_person', 'founder', 10, true),
  ('founder_assets_statement', 'natural_person', 'founder', 11, true),
  ('statutes', 'private_law', 'founder', 20, true),
  ('financial_statement', 'private_law', 'founder', 21, true),
  ('deliberation_minutes', 'private_law', 'founder', 22, true),
  ('constitutive_documents', 'private_law', 'founder', 23, true),
  ('managers_list', 'private_law', 'founder', 24, true),
  ('representative_id', 'private_law', 'founder', 25, true),
  ('activity_report', 'private_law', 'founder', 26, true),
  ('action_programme', 'private_law', 'founder', 27, true),
  ('assets_statements', 'private_law', 'founder', 28, true),
  ('founding_decision', 'public_law', 'founder', 30, true),
  ('financial_means_note', 'public_law', 'founder', 31, true),
  ('public_activity_report', 'public_law', 'founder', 32, true),
  ('public_action_programme', 'public_law', 'founder', 33, true),
  ('state_convention', 'public_law', 'founder', 34, false),
  ('technical_sheet', NULL, 'institution', 40, true),
  ('feasibility_study', NULL, 'institution', 41, true),
  ('premises_title', NULL, 'institution', 42, true),
  ('building_plans', NULL, 'institution', 43, true),
  ('conformity_certificate', NULL, 'institution', 44, true),
  ('specifications_compliance', NULL, 'institution', 45, true),
  ('internal_rules_draft', NULL, 'institution', 46, true),
  ('director_cv', NULL, 'director', 50, true),
  ('director_photos', NULL, 'director', 51, true),
  ('director_cnie', NULL, 'director', 52, true),
  ('director_criminal_record', NULL, 'director', 53, true),
  ('director_diploma', NULL, 'director', 54, true),
  ('director_experience', NULL, 'director', 55, true);

-- The founder's side of the checklist, from its legal form.
CREATE FUNCTION registry.founder_kind(legal_form text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE legal_form WHEN 'natural_person' THEN 'natural_person' WHEN 'public_body' THEN 'public_law' ELSE 'private_law' END
$$;

CREATE TABLE registry.licensing_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  -- Order of the steps of one institution, set by the trigger.
  seq int NOT NULL,
  kind text NOT NULL CHECK (kind IN ('application_filed', 'document_requested', 'file_completed', 'committee_opinion',
    'file_sent', 'ministry_decision', 'change_detected', 'change_declared', 'change_decided', 'warning', 'reprimand',
    'suspended', 'withdrawn_temporarily', 'withdrawn_permanently', 'reinstated', 'closure_notified', 'closed')),
  -- The day the step happened (filing receipt, opinion, decision, declaration…).
  occurred_on date NOT NULL CHECK (occurred_on >= '2000-01-01'),
  founder_kind text CHECK (founder_kind IN ('natural_person', 'private_law', 'public_law')),
  opinion text CHECK (opinion IN ('favourable', 'favourable_with_changes', 'unfavourable')),
  outcome text CHECK (outcome IN ('authorised', 'refused', 'approved')),
  licence_number text CHECK (length(btrim(licence_number)) BETWEEN 1 AND 60),
  licence_date date,
  reasons text CHECK (length(reasons) <= 4000),
  note text CHECK (length(note) <= 4000),
  requested_item text REFERENCES registry.licence_checklist_items(code),
  -- A change to the elements the licence was granted on (art. 17): what and when.
  change_subject text CHECK (change_subject IN ('director', 'capacity', 'staffing', 'hygiene_safety', 'premises',
    'services', 'founder', 'other')),
  change_on date,
  -- Norms (capacity, staffing, hygiene and safety) need prior approval.
  needs_approval boolean GENERATED ALWAYS AS (change_subject IN ('capacity', 'staffing', 'hygiene_safety')) STORED,
  -- The change a declaration answers (a detected one) or a decision rules on (a declared one).
  change_id uuid REFERENCES registry.licensing_steps(id),
  regularise_by date,
  -- End of the 6 months' notice of a closure (art. 32), set by the trigger.
  notice_end date,
  -- The state the step led to, set by the trigger.
  stage text NOT NULL,
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  created_by uuid REFERENCES access.users(id) DEFAULT app.current_user_id(),
  -- The author's name as it was, readable by whoever sees the step (the account may lie outside
  -- their scope: a director sees who at the delegation recorded the decision).
  created_by_name_ar text,
  created_by_name_fr text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (institution_id, seq),
  -- Art. 14: any refusal states its reasons; so do a refused change and every sanction.
  CONSTRAINT licensing_refusal_needs_reasons CHECK (outcome IS DISTINCT FROM 'refused' OR length(btrim(coalesce(reasons, ''))) > 0),
  CONSTRAINT licensing_sanction_needs_reasons CHECK (kind NOT IN ('warning', 'reprimand', 'suspended',
    'withdrawn_temporarily', 'withdrawn_permanently') OR length(btrim(coalesce(reasons, ''))) > 0),
  -- Art. 16: an authorisation has its number and date.
  CONSTRAINT licensing_authorisation_needs_licence CHECK (outcome IS DISTINCT FROM 'authorised'
    OR (licence_number IS NOT NULL AND licence_date IS NOT NULL)),
  CONSTRAINT licensing_step_fields CHECK (CASE kind
    WHEN 'committee_opinion' THEN opinion IS NOT NULL
    -- The administration says which document is missing: a checklist item or in words.
    WHEN 'document_requested' THEN requested_item IS NOT NULL OR length(btrim(coalesce(note, ''))) > 0
    WHEN 'ministry_decision' THEN outcome IN ('authorised', 'refused')
    WHEN 'change_detected' THEN change_subject IS NOT NULL AND change_on IS NOT NULL
    WHEN 'change_declared' THEN change_subject IS NOT NULL AND change_on IS NOT NULL
    WHEN 'change_decided' THEN change_id IS NOT NULL AND outcome IN ('approved', 'refused')
    ELSE outcome IS NULL AND opinion IS NULL END),
  CONSTRAINT licensing_licence_date_order CHECK (licence_date IS NULL OR licence_date <= occurred_on)
);
CREATE INDEX licensing_steps_institution_idx ON registry.licensing_steps (institution_id, seq);
CREATE INDEX licensing_steps_change_idx ON registry.licensing_steps (change_id) WHERE change_id IS NOT NULL;
CREATE INDEX licensing_steps_open_changes_idx ON registry.licensing_steps (change_on, id) WHERE kind = 'change_detected';
CREATE INDEX licensing_steps_delegation_idx ON registry.licensing_steps (delegation_id);

-- Where each institution stands: one row per institution with at least one step.
CREATE TABLE registry.licensing_states (
  id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  institution_id uuid PRIMARY KEY REFERENCES registry.institutions(id),
  stage text NOT NULL CHECK (stage IN ('filed', 'opinion_given', 'sent', 'authorised', 'refused', 'suspended',
    'withdrawn_temporarily', 'withdrawn_permanently', 'closing', 'closed')),
  -- Checked at commit: the state is written by the trigger before its step row exists.
  application_id uuid NOT NULL REFERENCES registry.licensing_steps(id) DEFERRABLE INITIALLY DEFERRED,
  founder_kind text NOT NULL,
  -- The clock of the current step: which delay, since when, how many days; stopped while a
  -- document asked for is missing (it then restarts from zero, the full delay again).
  clock_kind text CHECK (clock_kind IN ('committee_opinion', 'ministry_decision', 'closure_notice')),
  clock_started_on date,
  clock_days int CHECK (clock_days > 0),
  clock_stopped_on date,
  requested_item text,
  due_on date GENERATED ALWAYS AS (CASE WHEN clock_stopped_on IS NULL THEN clock_started_on + clock_days END) STORED,
  last_step_on date NOT NULL,
  last_seq int NOT NULL,
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT licensing_states_clock_complete CHECK ((clock_kind IS NULL) = (clock_started_on IS NULL) AND (clock_kind IS NULL) = (clock_days IS NULL))
);
-- The queue: by due day (stopped clocks last), then institution; per delegation and stage.
CREATE INDEX licensing_states_due_idx ON registry.licensing_states ((coalesce(due_on, 'infinity'::date)), institution_id);
CREATE INDEX licensing_states_delegation_idx ON registry.licensing_states (delegation_id, (coalesce(due_on, 'infinity'::date)), institution_id);
CREATE INDEX licensing_states_stage_idx ON registry.licensing_states (stage, (coalesce(due_on, 'infinity'::date)), institution_id);
CREATE INDEX licensing_states_clock_idx ON registry.licensing_states (clock_kind, due_on, institution_id) WHERE due_on IS NOT NULL;

-- A licence number is given once (art. 16: it identifies the institution on every document).
CREATE UNIQUE INDEX institutions_licence_number_key ON registry.institutions (licence_number) WHERE licence_number IS NOT NULL;

-- Refuses a step out of order with a named constraint, so the API answers it in the user's words.
CREATE FUNCTION registry.licensing_refuse(constraint_name text, detail text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'licensing step refused: %', detail USING ERRCODE = 'check_violation', CONSTRAINT = constraint_name;
END $$;

-- The state machine. Runs as the owner (it writes the institution's licensing columns, which
-- the application role may not); row-level security still checks the new step's scope keys
-- against the caller (WITH CHECK), so nobody records a step on an institution they cannot see.
CREATE FUNCTION registry.licensing_apply_step() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  inst record;
  st registry.licensing_states%ROWTYPE;
  has_state boolean;
  next_stage text;
  target record;
BEGIN
  SELECT i.id, i.region_id, i.delegation_id, i.association_id, a.legal_form INTO inst
  FROM registry.institutions i JOIN registry.associations a ON a.id = i.association_id
  WHERE i.id = NEW.institution_id FOR UPDATE OF i;
  IF NOT FOUND THEN
    PERFORM registry.licensing_refuse('licensing_steps_institution_id_fkey', 'unknown institution');
  END IF;
  SELECT * INTO st FROM registry.licensing_states WHERE institution_id = NEW.institution_id FOR UPDATE;
  has_state := FOUND;

  NEW.region_id := inst.region_id;
  NEW.delegation_id := inst.delegation_id;
  NEW.association_id := inst.association_id;
  NEW.seq := CASE WHEN has_state THEN st.last_seq + 1 ELSE 1 END;
  NEW.created_at := now();
  NEW.created_by := app.current_user_id();
  SELECT u.full_name_ar, u.full_name_fr INTO NEW.created_by_name_ar, NEW.created_by_name_fr
  FROM access.users u WHERE u.id = NEW.created_by;
  NEW.notice_end := NULL;

  IF NEW.occurred_on > registry.today() THEN
    PERFORM registry.licensing_refuse('licensing_step_not_future', 'a step cannot be dated in the future');
  END IF;
  IF has_state AND NEW.occurred_on < st.last_step_on THEN
    PERFORM registry.licensing_refuse('licensing_step_date_order', 'a step cannot be dated before the previous one');
  END IF;
  -- While a document asked for is missing, the file waits for it: only its completion goes on.
  IF has_state AND st.clock_stopped_on IS NOT NULL AND NEW.kind <> 'file_completed' THEN
    PERFORM registry.licensing_refuse('licensing_document_missing', 'the file waits for a missing document');
  END IF;

  next_stage := CASE WHEN has_state THEN st.stage END;
  CASE NEW.kind
    WHEN 'application_filed' THEN
      IF has_state AND st.stage <> 'refused' THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      NEW.founder_kind := registry.founder_kind(inst.legal_form);
      next_stage := 'filed';
    WHEN 'document_requested' THEN
      IF NOT has_state OR st.stage NOT IN ('filed', 'sent') THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      IF NEW.requested_item IS NOT NULL AND NOT EXISTS (SELECT 1 FROM registry.licence_checklist_items c
          WHERE c.code = NEW.requested_item AND (c.founder_kind IS NULL OR c.founder_kind = st.founder_kind)) THEN
        PERFORM registry.licensing_refuse('licensing_item_not_in_checklist', NEW.requested_item);
      END IF;
    WHEN 'file_completed' THEN
      IF NOT has_state OR st.clock_stopped_on IS NULL THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      -- The document asked for is attached to the application (its checklist item).
      IF st.requested_item IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents.documents d
          WHERE d.owner_type = 'licence_application' AND d.owner_id = st.application_id AND d.category = st.requested_item) THEN
        PERFORM registry.licensing_refuse('licensing_requested_item_missing', st.requested_item);
      END IF;
    WHEN 'committee_opinion' THEN
      IF NOT has_state OR st.stage <> 'filed' THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      next_stage := 'opinion_given';
    WHEN 'file_sent' THEN
      IF NOT has_state OR st.stage <> 'opinion_given' THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      next_stage := 'sent';
    WHEN 'ministry_decision' THEN
      IF NOT has_state OR st.stage <> 'sent' THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      next_stage := CASE NEW.outcome WHEN 'authorised' THEN 'authorised' ELSE 'refused' END;
    WHEN 'change_detected', 'change_declared' THEN
      IF NOT has_state OR st.stage NOT IN ('authorised', 'suspended') THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      IF NEW.kind = 'change_declared' AND NEW.change_id IS NOT NULL THEN
        SELECT s.id INTO target FROM registry.licensing_steps s
        WHERE s.id = NEW.change_id AND s.institution_id = NEW.institution_id AND s.kind = 'change_detected'
          AND NOT EXISTS (SELECT 1 FROM registry.licensing_steps d WHERE d.change_id = s.id);
        IF NOT FOUND THEN
          PERFORM registry.licensing_refuse('licensing_change_unknown', 'no such undeclared change');
        END IF;
      ELSIF NEW.kind = 'change_detected' THEN
        NEW.change_id := NULL;
      END IF;
    WHEN 'change_decided' THEN
      IF NOT has_state OR st.stage NOT IN ('authorised', 'suspended') THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      SELECT s.id INTO target FROM registry.licensing_steps s
      WHERE s.id = NEW.change_id AND s.institution_id = NEW.institution_id AND s.kind = 'change_declared' AND s.needs_approval
        AND NOT EXISTS (SELECT 1 FROM registry.licensing_steps d WHERE d.change_id = s.id);
      IF NOT FOUND THEN
        PERFORM registry.licensing_refuse('licensing_change_unknown', 'no such change awaiting approval');
      END IF;
    WHEN 'warning', 'reprimand' THEN
      IF NOT has_state OR st.stage NOT IN ('authorised', 'suspended') THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
    WHEN 'suspended' THEN
      IF NOT has_state OR st.stage <> 'authorised' THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      next_stage := 'suspended';
    WHEN 'withdrawn_temporarily' THEN
      IF NOT has_state OR st.stage NOT IN ('authorised', 'suspended') THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      next_stage := 'withdrawn_temporarily';
    WHEN 'withdrawn_permanently' THEN
      IF NOT has_state OR st.stage NOT IN ('authorised', 'suspended', 'withdrawn_temporarily', 'closing') THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      next_stage := 'withdrawn_permanently';
    WHEN 'reinstated' THEN
      IF NOT has_state OR st.stage NOT IN ('suspended', 'withdrawn_temporarily') THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      next_stage := 'authorised';
    WHEN 'closure_notified' THEN
      IF NOT has_state OR st.stage NOT IN ('authorised', 'suspended') THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      NEW.notice_end := (NEW.occurred_on + interval '6 months')::date;
      next_stage := 'closing';
    WHEN 'closed' THEN
      IF NOT has_state OR st.stage <> 'closing' THEN
        PERFORM registry.licensing_refuse('licensing_step_out_of_order', NEW.kind);
      END IF;
      IF NEW.occurred_on < st.clock_started_on + st.clock_days THEN
        PERFORM registry.licensing_refuse('licensing_closure_before_notice_end', 'the 6 months notice runs until ' || (st.clock_started_on + st.clock_days));
      END IF;
      next_stage := 'closed';
  END CASE;
  NEW.stage := next_stage;

  -- The new state and its clock.
  IF NEW.kind = 'application_filed' THEN
    INSERT INTO registry.licensing_states AS s (institution_id, stage, application_id, founder_kind, clock_kind, clock_started_on,
      clock_days, clock_stopped_on, requested_item, last_step_on, last_seq, region_id, delegation_id, association_id)
    VALUES (NEW.institution_id, 'filed', NEW.id, NEW.founder_kind, 'committee_opinion', NEW.occurred_on, 30, NULL, NULL,
      NEW.occurred_on, NEW.seq, inst.region_id, inst.delegation_id, inst.association_id)
    ON CONFLICT (institution_id) DO UPDATE SET stage = excluded.stage, application_id = excluded.application_id,
      founder_kind = excluded.founder_kind, clock_kind = excluded.clock_kind, clock_started_on = excluded.clock_started_on,
      clock_days = excluded.clock_days, clock_stopped_on = NULL, requested_item = NULL, last_step_on = excluded.last_step_on,
      last_seq = excluded.last_seq, updated_at = now();
  ELSE
    UPDATE registry.licensing_states s SET
      stage = next_stage,
      clock_kind = CASE
        WHEN NEW.kind IN ('document_requested', 'file_completed') THEN s.clock_kind
        WHEN next_stage = 'sent' THEN 'ministry_decision'
        WHEN next_stage = 'closing' THEN 'closure_notice'
        WHEN next_stage = s.stage THEN s.clock_kind
        ELSE NULL END,
      clock_started_on = CASE
        WHEN NEW.kind = 'document_requested' THEN s.clock_started_on
        -- The file is complete: the delay starts again from zero.
        WHEN NEW.kind = 'file_completed' THEN NEW.occurred_on
        WHEN next_stage IN ('sent', 'closing') AND next_stage <> s.stage THEN NEW.occurred_on
        WHEN next_stage = s.stage THEN s.clock_started_on
        ELSE NULL END,
      clock_days = CASE
        WHEN NEW.kind IN ('document_requested', 'file_completed') THEN s.clock_days
        WHEN next_stage = 'sent' AND s.stage <> 'sent' THEN 60
        WHEN next_stage = 'closing' AND s.stage <> 'closing' THEN NEW.notice_end - NEW.occurred_on
        WHEN next_stage = s.stage THEN s.clock_days
        ELSE NULL END,
      clock_stopped_on = CASE WHEN NEW.kind = 'document_requested' THEN NEW.occurred_on ELSE NULL END,
      requested_item = CASE WHEN NEW.kind = 'document_requested' THEN NEW.requested_item ELSE NULL END,
      last_step_on = NEW.occurred_on,
      last_seq = NEW.seq,
      updated_at = now()
    WHERE s.institution_id = NEW.institution_id;
  END IF;

  -- The institution's status and licence follow the state (and only from here).
  UPDATE registry.institutions i SET
    status = CASE next_stage WHEN 'filed' THEN 'pending' WHEN 'opinion_given' THEN 'pending' WHEN 'sent' THEN 'pending' ELSE next_stage END,
    licence_number = CASE WHEN NEW.outcome = 'authorised' THEN btrim(NEW.licence_number) WHEN NEW.kind = 'application_filed' THEN NULL ELSE i.licence_number END,
    licence_date = CASE WHEN NEW.outcome = 'authorised' THEN NEW.licence_date WHEN NEW.kind = 'application_filed' THEN NULL ELSE i.licence_date END
  WHERE i.id = NEW.institution_id
    AND (i.status IS DISTINCT FROM CASE next_stage WHEN 'filed' THEN 'pending' WHEN 'opinion_given' THEN 'pending' WHEN 'sent' THEN 'pending' ELSE next_stage END
      OR NEW.outcome = 'authorised' OR NEW.kind = 'application_filed');
  RETURN NEW;
END $$;
CREATE TRIGGER licensing_steps_apply BEFORE INSERT ON registry.licensing_steps
  FOR EACH ROW EXECUTE FUNCTION registry.licensing_apply_step();

-- History is appended, never rewritten; only the scope keys follow an institution that moves.
CREATE FUNCTION registry.licensing_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - ARRAY['region_id', 'delegation_id', 'association_id'])
      = (to_jsonb(OLD) - ARRAY['region_id', 'delegation_id', 'association_id']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'licensing steps are append-only' USING ERRCODE = 'check_violation', CONSTRAINT = 'licensing_steps_append_only';
END $$;
CREATE TRIGGER licensing_steps_append_only BEFORE UPDATE OR DELETE ON registry.licensing_steps
  FOR EACH ROW EXECUTE FUNCTION registry.licensing_steps_append_only();

-- An institution that moves (commune or founder) takes its licensing rows' scope keys along.
CREATE FUNCTION registry.licensing_follow_institution() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE registry.licensing_steps SET region_id = NEW.region_id, delegation_id = NEW.delegation_id, association_id = NEW.association_id
  WHERE institution_id = NEW.id;
  UPDATE registry.licensing_states SET region_id = NEW.region_id, delegation_id = NEW.delegation_id, association_id = NEW.association_id
  WHERE institution_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER institutions_licensing_keys AFTER UPDATE OF region_id, delegation_id, association_id ON registry.institutions
  FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.delegation_id IS DISTINCT FROM NEW.delegation_id
    OR OLD.association_id IS DISTINCT FROM NEW.association_id)
  EXECUTE FUNCTION registry.licensing_follow_institution();

-- Art. 17: a change to what the licence was granted on (capacity, director, premises, founder,
-- category or mode) of an authorised institution is to be declared within 8 days. Editing the
-- registry record notes the change; its declaration answers it.
CREATE FUNCTION registry.licensing_detect_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  subject text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM registry.licensing_states s WHERE s.institution_id = NEW.id AND s.stage IN ('authorised', 'suspended')) THEN
    RETURN NULL;
  END IF;
  FOREACH subject IN ARRAY ARRAY[
    CASE WHEN (OLD.capacity_male, OLD.capacity_female, OLD.sex_served, OLD.mode) IS DISTINCT FROM (NEW.capacity_male, NEW.capacity_female, NEW.sex_served, NEW.mode) THEN 'capacity' END,
    CASE WHEN (OLD.director_name_ar, OLD.director_name_fr) IS DISTINCT FROM (NEW.director_name_ar, NEW.director_name_fr) THEN 'director' END,
    CASE WHEN (OLD.commune_id, OLD.address_ar, OLD.address_fr) IS DISTINCT FROM (NEW.commune_id, NEW.address_ar, NEW.address_fr) THEN 'premises' END,
    CASE WHEN OLD.association_id IS DISTINCT FROM NEW.association_id THEN 'founder' END,
    CASE WHEN (OLD.legal_category, OLD.fee_mode) IS DISTINCT FROM (NEW.legal_category, NEW.fee_mode) THEN 'other' END]
  LOOP
    IF subject IS NOT NULL THEN
      INSERT INTO registry.licensing_steps (institution_id, kind, occurred_on, change_subject, change_on)
      VALUES (NEW.id, 'change_detected', registry.today(), subject, registry.today());
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER institutions_licensing_changes AFTER UPDATE OF capacity_male, capacity_female, sex_served, mode,
  director_name_ar, director_name_fr, commune_id, address_ar, address_fr, association_id, legal_category, fee_mode
  ON registry.institutions FOR EACH ROW EXECUTE FUNCTION registry.licensing_detect_change();

CREATE TRIGGER licensing_steps_audit AFTER INSERT OR UPDATE OR DELETE ON registry.licensing_steps FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER licensing_states_audit AFTER INSERT OR UPDATE OR DELETE ON registry.licensing_states FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER licence_checklist_items_audit AFTER INSERT OR UPDATE OR DELETE ON registry.licence_checklist_items FOR EACH ROW EXECUTE FUNCTION audit.capture();

-- The one place "days left" is computed: the API, the screens (through it) and the deadlines
-- service read it. A stopped clock has no due day; under 7 days left is a warning.
CREATE VIEW registry.licensing_overview WITH (security_invoker = true) AS
SELECT s.institution_id, s.stage, s.application_id, s.founder_kind, s.clock_kind, s.clock_started_on, s.clock_days,
  s.clock_stopped_on, s.requested_item, s.due_on,
  s.due_on - registry.today() AS days_left,
  coalesce(s.due_on - registry.today() < 7, false) AS warning,
  s.last_step_on, s.region_id, s.delegation_id, s.association_id
FROM registry.licensing_states s;

-- Changes noted and not yet declared: due 8 days after the change (art. 17).
CREATE VIEW registry.licensing_open_changes WITH (security_invoker = true) AS
SELECT c.id, c.institution_id, c.change_subject, c.change_on, c.change_on + 8 AS due_on,
  c.change_on + 8 - registry.today() AS days_left, c.region_id, c.delegation_id, c.association_id
FROM registry.licensing_steps c
WHERE c.kind = 'change_detected' AND NOT EXISTS (SELECT 1 FROM registry.licensing_steps d WHERE d.change_id = c.id);

-- The checklist is national reference data: everyone reads it, only migrations write it.
ALTER TABLE registry.licence_checklist_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY licence_checklist_items_read ON registry.licence_checklist_items FOR SELECT TO raaya_app USING (true);
ALTER TABLE registry.licensing_steps ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.licensing_states ENABLE ROW LEVEL SECURITY;
CREATE POLICY licensing_steps_read ON registry.licensing_steps FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY licensing_steps_insert ON registry.licensing_steps FOR INSERT TO raaya_app
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY licensing_states_read ON registry.licensing_states FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id));

GRANT SELECT ON registry.licence_checklist_items, registry.licensing_steps, registry.licensing_states,
  registry.licensing_overview, registry.licensing_open_changes TO raaya_app;
GRANT INSERT (institution_id, kind, occurred_on, opinion, outcome, licence_number, licence_date, reasons, note,
  requested_item, change_subject, change_on, change_id, regularise_by) ON registry.licensing_steps TO raaya_app;
GRANT EXECUTE ON FUNCTION registry.today() TO raaya_app;
REVOKE ALL ON FUNCTION registry.licensing_apply_step() FROM PUBLIC;
REVOKE ALL ON FUNCTION registry.licensing_detect_change() FROM PUBLIC;
REVOKE ALL ON FUNCTION registry.licensing_follow_institution() FROM PUBLIC;
