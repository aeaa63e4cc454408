-- The Jisr pathway of a case file (issue 6 item 4; PRODUCT.md §2.2; decision 0018): needs
-- diagnoses (platform forms about subject 'case'), referrals checked against the services the
-- receiving institution offers, individual accompaniment plans through the approval workflow
-- (document type 'case_plan', locked once submitted), follow-up notes, and the follow-ups 3, 6
-- and 12 months after an exit, created by the database when the exit is recorded.
--
-- Child rows of a case (notes, plans, follow-ups) are seen by whoever sees the case (the cases
-- policy applies inside their EXISTS), like a person's relatives. Follow-ups also copy the keys
-- of the case (or of the institution) so the deadline service can notify the right scope.

-- The order of the stages: a stage moves forward with the pathway, never back by itself.
CREATE FUNCTION beneficiaries.stage_rank(p_stage text) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_position(ARRAY['reception', 'diagnosis', 'orientation', 'admitted', 'accompaniment', 'exited', 'post_exit', 'closed'], p_stage)
$$;
GRANT EXECUTE ON FUNCTION beneficiaries.stage_rank(text) TO raaya_app;

-- A closed case says why and when; once closed it stays closed.
ALTER TABLE beneficiaries.cases ADD CONSTRAINT cases_close_complete
  CHECK (stage <> 'closed' OR (closed_on IS NOT NULL AND close_reason IS NOT NULL));
CREATE FUNCTION beneficiaries.check_case_stage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.stage = 'closed' AND NEW.stage <> 'closed' THEN
    RAISE EXCEPTION 'case % is closed', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'cases_closed_final';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_stage_check BEFORE UPDATE OF stage ON beneficiaries.cases
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_case_stage();

-- Moves a case forward (never back, never out of 'closed'). Called by the triggers below, which
-- are SECURITY DEFINER: the receiving institution accepting a referral moves the sender's case.
CREATE FUNCTION beneficiaries.advance_case(p_case uuid, p_stage text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  UPDATE beneficiaries.cases SET stage = p_stage
  WHERE id = p_case AND stage <> 'closed' AND beneficiaries.stage_rank(stage) < beneficiaries.stage_rank(p_stage)
$$;
REVOKE ALL ON FUNCTION beneficiaries.advance_case(uuid, text) FROM PUBLIC;

-- The timeline reads requests by case, in date order (replaces the index of 0085 on case_id alone).
DROP INDEX IF EXISTS beneficiaries.requests_case_idx;
CREATE INDEX requests_case_idx ON beneficiaries.requests (case_id, received_at) WHERE case_id IS NOT NULL;

-- Referrals. The receiving institution must offer the service (its services in the registry);
-- states move proposed → accepted | declined | cancelled, accepted → completed | cancelled.
-- Definer: the sending delegation may not see the services of an institution of another province.
CREATE FUNCTION beneficiaries.check_referral() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.institution_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.institution_id IS DISTINCT FROM OLD.institution_id OR NEW.service <> OLD.service)
      AND NOT EXISTS (SELECT 1 FROM registry.institution_services s WHERE s.institution_id = NEW.institution_id AND s.service = NEW.service) THEN
    RAISE EXCEPTION 'institution % does not offer %', NEW.institution_id, NEW.service
      USING ERRCODE = 'check_violation', CONSTRAINT = 'referrals_service_offered';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.state <> OLD.state AND NOT ((OLD.state, NEW.state) IN (('proposed', 'accepted'), ('proposed', 'declined'),
      ('proposed', 'cancelled'), ('accepted', 'completed'), ('accepted', 'cancelled'))) THEN
    RAISE EXCEPTION 'referral cannot go from % to %', OLD.state, NEW.state
      USING ERRCODE = 'check_violation', CONSTRAINT = 'referrals_state_transition';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER referrals_check BEFORE INSERT OR UPDATE ON beneficiaries.referrals
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_referral();

-- The lists of referrals received (by institution, delegation) and sent, newest first.
CREATE INDEX referrals_institution_recent_idx ON beneficiaries.referrals (institution_id, proposed_on DESC, id) WHERE institution_id IS NOT NULL;
CREATE INDEX referrals_receiving_recent_idx ON beneficiaries.referrals (delegation_id, proposed_on DESC, id) WHERE institution_id IS NOT NULL;
CREATE INDEX referrals_from_recent_idx ON beneficiaries.referrals (from_delegation_id, proposed_on DESC, id);

-- An institution's names, whoever reads: a referral or an admission names its institution even
-- when the registry row lies outside the reader's scope (names are public; nothing else is).
CREATE FUNCTION beneficiaries.institution_names(p_institution uuid) RETURNS TABLE (name_ar text, name_fr text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT i.name_ar, i.name_fr FROM registry.institutions i WHERE i.id = p_institution AND app.current_user_id() IS NOT NULL
$$;
REVOKE ALL ON FUNCTION beneficiaries.institution_names(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.institution_names(uuid) TO raaya_app;

-- A proposed referral puts the case in orientation.
CREATE FUNCTION beneficiaries.referral_moves_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM beneficiaries.advance_case(NEW.case_id, 'orientation');
  RETURN NULL;
END $$;
CREATE TRIGGER referrals_move_case AFTER INSERT ON beneficiaries.referrals
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.referral_moves_case();

-- Follow-up notes of a case (visits, calls, meetings, contacts with the family).
CREATE TABLE beneficiaries.case_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES beneficiaries.cases(id),
  kind text NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'visit', 'phone_call', 'meeting', 'family_contact')),
  noted_on date NOT NULL DEFAULT (now() AT TIME ZONE 'Africa/Casablanca')::date,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  -- Who wrote it, as named when they wrote (their account may lie outside a later reader's scope).
  author_id uuid REFERENCES access.users(id),
  author_name_ar text CHECK (length(author_name_ar) <= 200),
  author_name_fr text CHECK (length(author_name_fr) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case_idx ON beneficiaries.case_notes (case_id, noted_on);

-- A note is not dated in the future.
CREATE FUNCTION beneficiaries.check_note_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.noted_on > (now() AT TIME ZONE 'Africa/Casablanca')::date THEN
    RAISE EXCEPTION 'note dated in the future' USING ERRCODE = 'check_violation', CONSTRAINT = 'case_notes_not_future';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_notes_not_future BEFORE INSERT OR UPDATE OF noted_on ON beneficiaries.case_notes
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_note_date();

-- Individual accompaniment plans (المشروع الفردي للمواكبة). The keys are the case's when the plan
-- is drafted: they scope its approval submission (author: the institution that holds the case;
-- approval: the delegation).
CREATE TABLE beneficiaries.case_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES beneficiaries.cases(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  goals text[] NOT NULL DEFAULT '{}' CHECK (cardinality(goals) <= 20 AND array_position(goals, NULL) IS NULL),
  responsible_name text CHECK (length(responsible_name) BETWEEN 1 AND 160),
  starts_on date NOT NULL,
  ends_on date,
  -- draft until approved; then active, and finally completed or abandoned.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'completed', 'abandoned')),
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid CONSTRAINT case_plans_institution_held CHECK (institution_id IS NOT NULL),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT case_plans_dates CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX case_plans_case_idx ON beneficiaries.case_plans (case_id, starts_on);

CREATE TABLE beneficiaries.case_plan_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES beneficiaries.case_plans(id),
  position int NOT NULL CHECK (position BETWEEN 1 AND 50),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
  responsible text CHECK (length(responsible) BETWEEN 1 AND 160),
  due_on date,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, position)
);

-- Keys from the case (a plan belongs to a case an institution holds).
CREATE FUNCTION beneficiaries.fill_plan_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.region_id, c.delegation_id, c.association_id, c.institution_id
    INTO NEW.region_id, NEW.delegation_id, NEW.association_id, NEW.institution_id
  FROM beneficiaries.cases c WHERE c.id = NEW.case_id;
  RETURN NEW;
END $$;
CREATE TRIGGER case_plans_fill_keys BEFORE INSERT OR UPDATE OF case_id ON beneficiaries.case_plans
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_plan_keys();

-- The approval lock of a plan (approvals.guard semantics, decision 0007): nothing changes while
-- the plan is submitted; once approved only its status moves (active → completed | abandoned).
-- A plan leaves 'draft' only once approved. Definer: RLS must not hide the submission.
CREATE FUNCTION beneficiaries.lock_case_plan() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_state text;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT ss.state INTO v_state
    FROM approvals.submissions s
    JOIN approvals.section_states ss ON ss.submission_id = s.id AND ss.section_key = 'plan'
    WHERE s.subject_type = 'case_plan' AND s.subject_id = OLD.id;
  END IF;
  IF TG_OP = 'DELETE' OR (v_state = 'submitted' AND TG_OP = 'UPDATE')
      OR (v_state = 'approved' AND (to_jsonb(NEW) - 'status' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at')) THEN
    IF TG_OP = 'DELETE' AND v_state IS NULL THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'plan % is % and locked', OLD.id, v_state USING ERRCODE = 'RA409';
  END IF;
  IF NEW.status <> 'draft' AND v_state IS DISTINCT FROM 'approved' THEN
    RAISE EXCEPTION 'plan % is not approved', NEW.id USING ERRCODE = 'check_violation', CONSTRAINT = 'case_plans_status_needs_approval';
  END IF;
  IF v_state = 'approved' AND NEW.status = 'draft' THEN
    RAISE EXCEPTION 'an approved plan does not go back to draft' USING ERRCODE = 'check_violation', CONSTRAINT = 'case_plans_status_needs_approval';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_plans_lock BEFORE INSERT OR UPDATE OR DELETE ON beneficiaries.case_plans
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.lock_case_plan();
CREATE TRIGGER case_plan_actions_lock BEFORE INSERT OR UPDATE OR DELETE ON beneficiaries.case_plan_actions
  FOR EACH ROW EXECUTE FUNCTION approvals.guard('case_plan', 'plan_id', 'plan');

-- Follow-ups after an exit (3, 6 and 12 months). Keys from the case when there is one, else from
-- the institution of the admission, so the deadline service notifies who follows the person.
CREATE TABLE beneficiaries.follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  admission_id uuid NOT NULL REFERENCES beneficiaries.admissions(id),
  case_id uuid REFERENCES beneficiaries.cases(id),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id),
  months int NOT NULL CHECK (months IN (3, 6, 12)),
  exit_date date NOT NULL,
  due_on date NOT NULL,
  done_on date,
  outcome text CHECK (outcome IN ('stable', 'improved', 'deteriorated', 'back_in_care', 'unreachable', 'deceased', 'other')),
  note text CHECK (length(note) BETWEEN 1 AND 4000),
  done_by uuid REFERENCES access.users(id),
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (admission_id, months),
  CONSTRAINT follow_ups_done_complete CHECK ((done_on IS NULL) = (outcome IS NULL)),
  CONSTRAINT follow_ups_done_after_exit CHECK (done_on IS NULL OR done_on >= exit_date)
);
CREATE INDEX follow_ups_case_idx ON beneficiaries.follow_ups (case_id, due_on) WHERE case_id IS NOT NULL;
CREATE INDEX follow_ups_admission_idx ON beneficiaries.follow_ups (admission_id);
CREATE INDEX follow_ups_due_idx ON beneficiaries.follow_ups (due_on, id) WHERE done_on IS NULL;
CREATE INDEX follow_ups_delegation_due_idx ON beneficiaries.follow_ups (delegation_id, due_on, id) WHERE done_on IS NULL;

-- Not done in the future.
CREATE FUNCTION beneficiaries.check_follow_up_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.done_on > (now() AT TIME ZONE 'Africa/Casablanca')::date THEN
    RAISE EXCEPTION 'follow-up done in the future' USING ERRCODE = 'check_violation', CONSTRAINT = 'follow_ups_not_future';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER follow_ups_not_future BEFORE INSERT OR UPDATE OF done_on ON beneficiaries.follow_ups
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_follow_up_date();

-- An exit recorded (or corrected) on an admission schedules the three follow-ups; pending ones
-- follow a corrected exit date and disappear when the exit is undone. A transfer is no exit from
-- care (the next admission continues it) and a death leaves no one to follow.
CREATE FUNCTION beneficiaries.schedule_follow_ups() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.exit_date IS NOT DISTINCT FROM NEW.exit_date AND OLD.exit_reason IS NOT DISTINCT FROM NEW.exit_reason THEN
    RETURN NULL;
  END IF;
  DELETE FROM beneficiaries.follow_ups f WHERE f.admission_id = NEW.id AND f.done_on IS NULL;
  IF NEW.exit_date IS NULL OR NEW.exit_reason IN ('transfer', 'death') THEN
    RETURN NULL;
  END IF;
  INSERT INTO beneficiaries.follow_ups (admission_id, case_id, person_id, months, exit_date, due_on, region_id, delegation_id, association_id, institution_id)
  SELECT NEW.id, NEW.case_id, NEW.person_id, m, NEW.exit_date, (NEW.exit_date + make_interval(months => m))::date,
    coalesce(c.region_id, NEW.region_id), coalesce(c.delegation_id, NEW.delegation_id),
    CASE WHEN c.id IS NULL THEN NEW.association_id ELSE c.association_id END,
    CASE WHEN c.id IS NULL THEN NEW.institution_id ELSE c.institution_id END
  FROM unnest(ARRAY[3, 6, 12]) AS m
  LEFT JOIN beneficiaries.cases c ON c.id = NEW.case_id
  ON CONFLICT (admission_id, months) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER admissions_schedule_follow_ups AFTER INSERT OR UPDATE OF exit_date, exit_reason ON beneficiaries.admissions
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.schedule_follow_ups();

-- The first follow-up done puts the case in its post-exit stage.
CREATE FUNCTION beneficiaries.follow_up_moves_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.case_id IS NOT NULL AND NEW.done_on IS NOT NULL THEN
    PERFORM beneficiaries.advance_case(NEW.case_id, 'post_exit');
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER follow_ups_move_case AFTER UPDATE OF done_on ON beneficiaries.follow_ups
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.follow_up_moves_case();

CREATE TRIGGER case_notes_touch BEFORE UPDATE ON beneficiaries.case_notes FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER case_plans_touch BEFORE UPDATE ON beneficiaries.case_plans FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER case_plan_actions_touch BEFORE UPDATE ON beneficiaries.case_plan_actions FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER follow_ups_touch BEFORE UPDATE ON beneficiaries.follow_ups FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TRIGGER case_notes_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.case_notes FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER case_plans_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.case_plans FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER case_plan_actions_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.case_plan_actions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER follow_ups_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.follow_ups FOR EACH ROW EXECUTE FUNCTION audit.capture();

ALTER TABLE beneficiaries.case_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.case_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.case_plan_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.follow_ups ENABLE ROW LEVEL SECURITY;

CREATE POLICY case_notes_with_case ON beneficiaries.case_notes TO raaya_app
  USING (EXISTS (SELECT 1 FROM beneficiaries.cases c WHERE c.id = case_notes.case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM beneficiaries.cases c WHERE c.id = case_notes.case_id));
CREATE POLICY case_plans_with_case ON beneficiaries.case_plans TO raaya_app
  USING (EXISTS (SELECT 1 FROM beneficiaries.cases c WHERE c.id = case_plans.case_id))
  WITH CHECK (EXISTS (SELECT 1 FROM beneficiaries.cases c WHERE c.id = case_plans.case_id));
CREATE POLICY case_plan_actions_with_plan ON beneficiaries.case_plan_actions TO raaya_app
  USING (EXISTS (SELECT 1 FROM beneficiaries.case_plans p WHERE p.id = case_plan_actions.plan_id))
  WITH CHECK (EXISTS (SELECT 1 FROM beneficiaries.case_plans p WHERE p.id = case_plan_actions.plan_id));
CREATE POLICY follow_ups_with_case ON beneficiaries.follow_ups TO raaya_app
  USING (EXISTS (SELECT 1 FROM beneficiaries.cases c WHERE c.id = follow_ups.case_id)
    OR EXISTS (SELECT 1 FROM beneficiaries.admissions a WHERE a.id = follow_ups.admission_id));

GRANT SELECT, INSERT ON beneficiaries.case_notes TO raaya_app;
GRANT SELECT, INSERT, UPDATE (title, goals, responsible_name, starts_on, ends_on, status) ON beneficiaries.case_plans TO raaya_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON beneficiaries.case_plan_actions TO raaya_app;
GRANT SELECT, UPDATE (done_on, outcome, note, done_by) ON beneficiaries.follow_ups TO raaya_app;

-- The needs-diagnosis forms, one per main target group (national reference data of the forms
-- service, purpose 'diagnosis'; version 1 published). Scores: the higher, the greater the need.
WITH f AS (INSERT INTO forms.forms (code, purpose, title_ar, title_fr, target_groups) VALUES ('needs-children', 'diagnosis', 'تشخيص احتياجات الطفل(ة) واليافع(ة)', 'Diagnostic des besoins de l''enfant et du jeune', ARRAY['children', 'abandoned_children', 'youth'])
  ON CONFLICT (code) DO NOTHING RETURNING id)
INSERT INTO forms.form_versions (form_id, version, status, definition, published_at)
SELECT id, 1, 'published', '{"sections":[{"id":"protection","title":{"ar":"الحماية والتربية","fr":"Protection et éducation"},"questions":[{"id":"ch_unaccompanied","type":"yes_no","label":{"ar":"هل الطفل(ة) بدون سند عائلي؟","fr":"L''enfant est-il sans soutien familial ?"},"required":true,"weight":3,"yesScore":2,"noScore":0},{"id":"ch_risk","type":"single_choice","label":{"ar":"مستوى التعرض للخطر أو الإهمال","fr":"Niveau d''exposition au danger ou à la négligence"},"required":true,"weight":3,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"ch_out_of_school","type":"yes_no","label":{"ar":"هل الطفل(ة) منقطع(ة) عن الدراسة؟","fr":"L''enfant est-il déscolarisé ?"},"required":true,"weight":2,"yesScore":2,"noScore":0},{"id":"observations","type":"long_text","label":{"ar":"ملاحظات المساعد(ة) الاجتماعي(ة)","fr":"Observations de l''assistant(e) social(e)"},"required":false}]},{"id":"living","title":{"ar":"ظروف العيش","fr":"Conditions de vie"},"questions":[{"id":"chl_housing","type":"single_choice","label":{"ar":"هشاشة السكن","fr":"Précarité du logement"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"chl_income","type":"single_choice","label":{"ar":"ضعف الموارد المادية للأسرة","fr":"Insuffisance des ressources du foyer"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"chl_isolation","type":"yes_no","label":{"ar":"هل يعيش الشخص عزلة اجتماعية؟","fr":"La personne vit-elle un isolement social ?"},"required":true,"weight":1,"yesScore":2,"noScore":0}]}]}'::jsonb, now() FROM f;
WITH f AS (INSERT INTO forms.forms (code, purpose, title_ar, title_fr, target_groups) VALUES ('needs-schooled', 'diagnosis', 'تشخيص احتياجات التلميذ(ة) (دار الطالب/ة)', 'Diagnostic des besoins de l''élève (Dar Talib/Taliba)', ARRAY['schooled_children'])
  ON CONFLICT (code) DO NOTHING RETURNING id)
INSERT INTO forms.form_versions (form_id, version, status, definition, published_at)
SELECT id, 1, 'published', '{"sections":[{"id":"schooling","title":{"ar":"التمدرس","fr":"Scolarité"},"questions":[{"id":"sc_distance","type":"single_choice","label":{"ar":"بعد المؤسسة التعليمية عن مقر السكن","fr":"Éloignement de l''établissement scolaire du domicile"},"required":true,"weight":3,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"sc_no_transport","type":"yes_no","label":{"ar":"هل ينعدم النقل المدرسي؟","fr":"Le transport scolaire est-il absent ?"},"required":true,"weight":2,"yesScore":2,"noScore":0},{"id":"sc_dropout_risk","type":"yes_no","label":{"ar":"هل يوجد خطر الانقطاع عن الدراسة؟","fr":"Y a-t-il un risque d''abandon scolaire ?"},"required":true,"weight":3,"yesScore":2,"noScore":0},{"id":"observations","type":"long_text","label":{"ar":"ملاحظات المساعد(ة) الاجتماعي(ة)","fr":"Observations de l''assistant(e) social(e)"},"required":false}]},{"id":"living","title":{"ar":"ظروف العيش","fr":"Conditions de vie"},"questions":[{"id":"scl_housing","type":"single_choice","label":{"ar":"هشاشة السكن","fr":"Précarité du logement"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"scl_income","type":"single_choice","label":{"ar":"ضعف الموارد المادية للأسرة","fr":"Insuffisance des ressources du foyer"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"scl_isolation","type":"yes_no","label":{"ar":"هل يعيش الشخص عزلة اجتماعية؟","fr":"La personne vit-elle un isolement social ?"},"required":true,"weight":1,"yesScore":2,"noScore":0}]}]}'::jsonb, now() FROM f;
WITH f AS (INSERT INTO forms.forms (code, purpose, title_ar, title_fr, target_groups) VALUES ('needs-women', 'diagnosis', 'تشخيص احتياجات المرأة في وضعية صعبة', 'Diagnostic des besoins de la femme en situation difficile', ARRAY['women', 'women_in_difficulty'])
  ON CONFLICT (code) DO NOTHING RETURNING id)
INSERT INTO forms.form_versions (form_id, version, status, definition, published_at)
SELECT id, 1, 'published', '{"sections":[{"id":"safety","title":{"ar":"السلامة والاستقلالية","fr":"Sécurité et autonomie"},"questions":[{"id":"wo_violence","type":"single_choice","label":{"ar":"مستوى التعرض للعنف","fr":"Niveau d''exposition à la violence"},"required":true,"weight":3,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"wo_children_in_charge","type":"yes_no","label":{"ar":"هل تتكفل بأطفال؟","fr":"A-t-elle des enfants à charge ?"},"required":true,"weight":1,"yesScore":2,"noScore":0},{"id":"wo_no_shelter","type":"yes_no","label":{"ar":"هل هي بدون مأوى آمن؟","fr":"Est-elle sans hébergement sûr ?"},"required":true,"weight":3,"yesScore":2,"noScore":0},{"id":"observations","type":"long_text","label":{"ar":"ملاحظات المساعد(ة) الاجتماعي(ة)","fr":"Observations de l''assistant(e) social(e)"},"required":false}]},{"id":"living","title":{"ar":"ظروف العيش","fr":"Conditions de vie"},"questions":[{"id":"wol_housing","type":"single_choice","label":{"ar":"هشاشة السكن","fr":"Précarité du logement"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"wol_income","type":"single_choice","label":{"ar":"ضعف الموارد المادية للأسرة","fr":"Insuffisance des ressources du foyer"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"wol_isolation","type":"yes_no","label":{"ar":"هل يعيش الشخص عزلة اجتماعية؟","fr":"La personne vit-elle un isolement social ?"},"required":true,"weight":1,"yesScore":2,"noScore":0}]}]}'::jsonb, now() FROM f;
WITH f AS (INSERT INTO forms.forms (code, purpose, title_ar, title_fr, target_groups) VALUES ('needs-elderly', 'diagnosis', 'تشخيص احتياجات الشخص المسن', 'Diagnostic des besoins de la personne âgée', ARRAY['elderly'])
  ON CONFLICT (code) DO NOTHING RETURNING id)
INSERT INTO forms.form_versions (form_id, version, status, definition, published_at)
SELECT id, 1, 'published', '{"sections":[{"id":"autonomy","title":{"ar":"الاستقلالية والصحة","fr":"Autonomie et santé"},"questions":[{"id":"el_dependency","type":"single_choice","label":{"ar":"درجة فقدان الاستقلالية","fr":"Degré de perte d''autonomie"},"required":true,"weight":3,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"el_no_family","type":"yes_no","label":{"ar":"هل الشخص بدون سند عائلي؟","fr":"La personne est-elle sans soutien familial ?"},"required":true,"weight":3,"yesScore":2,"noScore":0},{"id":"el_chronic","type":"yes_no","label":{"ar":"هل يحتاج إلى علاج منتظم؟","fr":"A-t-elle besoin de soins réguliers ?"},"required":true,"weight":2,"yesScore":2,"noScore":0},{"id":"observations","type":"long_text","label":{"ar":"ملاحظات المساعد(ة) الاجتماعي(ة)","fr":"Observations de l''assistant(e) social(e)"},"required":false}]},{"id":"living","title":{"ar":"ظروف العيش","fr":"Conditions de vie"},"questions":[{"id":"ell_housing","type":"single_choice","label":{"ar":"هشاشة السكن","fr":"Précarité du logement"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"ell_income","type":"single_choice","label":{"ar":"ضعف الموارد المادية للأسرة","fr":"Insuffisance des ressources du foyer"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"ell_isolation","type":"yes_no","label":{"ar":"هل يعيش الشخص عزلة اجتماعية؟","fr":"La personne vit-elle un isolement social ?"},"required":true,"weight":1,"yesScore":2,"noScore":0}]}]}'::jsonb, now() FROM f;
WITH f AS (INSERT INTO forms.forms (code, purpose, title_ar, title_fr, target_groups) VALUES ('needs-disability', 'diagnosis', 'تشخيص احتياجات الشخص في وضعية إعاقة', 'Diagnostic des besoins de la personne en situation de handicap', ARRAY['persons_with_disabilities'])
  ON CONFLICT (code) DO NOTHING RETURNING id)
INSERT INTO forms.form_versions (form_id, version, status, definition, published_at)
SELECT id, 1, 'published', '{"sections":[{"id":"disability","title":{"ar":"الإعاقة والتأهيل","fr":"Handicap et réadaptation"},"questions":[{"id":"di_support","type":"single_choice","label":{"ar":"مستوى الحاجة إلى المساعدة اليومية","fr":"Niveau de besoin d''aide quotidienne"},"required":true,"weight":3,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"di_rehab","type":"yes_no","label":{"ar":"هل يحتاج إلى الترويض أو التأهيل؟","fr":"A-t-elle besoin de rééducation ou de réadaptation ?"},"required":true,"weight":2,"yesScore":2,"noScore":0},{"id":"di_aids","type":"yes_no","label":{"ar":"هل يحتاج إلى معينات تقنية؟","fr":"A-t-elle besoin d''aides techniques ?"},"required":true,"weight":2,"yesScore":2,"noScore":0},{"id":"observations","type":"long_text","label":{"ar":"ملاحظات المساعد(ة) الاجتماعي(ة)","fr":"Observations de l''assistant(e) social(e)"},"required":false}]},{"id":"living","title":{"ar":"ظروف العيش","fr":"Conditions de vie"},"questions":[{"id":"dil_housing","type":"single_choice","label":{"ar":"هشاشة السكن","fr":"Précarité du logement"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"dil_income","type":"single_choice","label":{"ar":"ضعف الموارد المادية للأسرة","fr":"Insuffisance des ressources du foyer"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"dil_isolation","type":"yes_no","label":{"ar":"هل يعيش الشخص عزلة اجتماعية؟","fr":"La personne vit-elle un isolement social ?"},"required":true,"weight":1,"yesScore":2,"noScore":0}]}]}'::jsonb, now() FROM f;
WITH f AS (INSERT INTO forms.forms (code, purpose, title_ar, title_fr, target_groups) VALUES ('needs-homeless-families', 'diagnosis', 'تشخيص احتياجات الأشخاص بدون مأوى والأسر', 'Diagnostic des besoins des personnes sans abri et des familles', ARRAY['homeless', 'families'])
  ON CONFLICT (code) DO NOTHING RETURNING id)
INSERT INTO forms.form_versions (form_id, version, status, definition, published_at)
SELECT id, 1, 'published', '{"sections":[{"id":"emergency","title":{"ar":"الاستعجال","fr":"Urgence"},"questions":[{"id":"ho_street","type":"single_choice","label":{"ar":"مدة العيش في الشارع أو في مأوى مؤقت","fr":"Durée de vie à la rue ou en hébergement provisoire"},"required":true,"weight":3,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"ho_health","type":"yes_no","label":{"ar":"هل توجد حاجة إلى رعاية صحية استعجالية؟","fr":"Y a-t-il un besoin de soins urgents ?"},"required":true,"weight":3,"yesScore":2,"noScore":0},{"id":"ho_papers","type":"yes_no","label":{"ar":"هل يفتقد الشخص وثائق الهوية؟","fr":"La personne est-elle sans pièces d''identité ?"},"required":true,"weight":1,"yesScore":2,"noScore":0},{"id":"observations","type":"long_text","label":{"ar":"ملاحظات المساعد(ة) الاجتماعي(ة)","fr":"Observations de l''assistant(e) social(e)"},"required":false}]},{"id":"living","title":{"ar":"ظروف العيش","fr":"Conditions de vie"},"questions":[{"id":"hol_housing","type":"single_choice","label":{"ar":"هشاشة السكن","fr":"Précarité du logement"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"hol_income","type":"single_choice","label":{"ar":"ضعف الموارد المادية للأسرة","fr":"Insuffisance des ressources du foyer"},"required":true,"weight":2,"choices":[{"id":"none","label":{"ar":"منعدم","fr":"Aucun"},"score":0},{"id":"moderate","label":{"ar":"متوسط","fr":"Modéré"},"score":1},{"id":"high","label":{"ar":"مرتفع","fr":"Élevé"},"score":2},{"id":"critical","label":{"ar":"حرج","fr":"Critique"},"score":3}]},{"id":"hol_isolation","type":"yes_no","label":{"ar":"هل يعيش الشخص عزلة اجتماعية؟","fr":"La personne vit-elle un isolement social ?"},"required":true,"weight":1,"yesScore":2,"noScore":0}]}]}'::jsonb, now() FROM f;

