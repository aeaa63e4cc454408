-- Data protection of beneficiaries (law 09-08; issue 6 item 6; decision 0020).
-- 1. consents: the legal basis of the processing for each person (art. 4): the person's consent
--    (given by the person, the legal representative or the ministry), or one of the exceptions
--    (legal obligation, vital interest, public interest, contract); for what and when; withdrawal.
-- 2. retention_rules: how long a file is kept after it ends (art. 3: no longer than necessary),
--    one rule per record type, national reference data; retention_reviews: the decisions taken
--    on files past their period (keep until a date, or hand over to the archives' elimination).
-- 3. Indexes that find files past their period.

CREATE TABLE beneficiaries.consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  basis text NOT NULL CHECK (basis IN ('consent', 'legal_obligation', 'vital_interest', 'public_interest', 'contract')),
  -- What the basis covers.
  purpose text NOT NULL CHECK (purpose IN ('social_care', 'legal_register', 'sensitive_data', 'third_party_sharing', 'statistics', 'other')),
  purpose_details text CHECK (length(purpose_details) BETWEEN 1 AND 500),
  -- Who consented (only for basis 'consent'): the person, the legal representative (minor, adult
  -- under guardianship), or the ministry (child in its care).
  given_by text CHECK (given_by IN ('self', 'legal_representative', 'ministry')),
  given_by_name text CHECK (length(given_by_name) BETWEEN 1 AND 160),
  given_on date NOT NULL,
  withdrawn_on date,
  withdrawal_reason text CHECK (length(withdrawal_reason) BETWEEN 1 AND 500),
  recorded_by uuid REFERENCES access.users(id),
  region_id uuid, delegation_id uuid, association_id uuid, institution_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT consents_giver_required CHECK (basis <> 'consent' OR given_by IS NOT NULL),
  CONSTRAINT consents_giver_only_for_consent CHECK (basis = 'consent' OR given_by IS NULL),
  CONSTRAINT consents_representative_named CHECK (given_by IS DISTINCT FROM 'legal_representative' OR given_by_name IS NOT NULL),
  -- Only a consent can be withdrawn; a legal obligation stands (art. 9).
  CONSTRAINT consents_withdraw_only_consent CHECK (withdrawn_on IS NULL OR basis = 'consent'),
  CONSTRAINT consents_withdrawn_after_given CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on),
  CONSTRAINT consents_other_purpose_described CHECK (purpose <> 'other' OR purpose_details IS NOT NULL)
);
CREATE INDEX consents_person_idx ON beneficiaries.consents (person_id, given_on DESC, id);

-- Dates given in the future are refused (a CHECK may not read the clock).
CREATE FUNCTION beneficiaries.check_consent_dates() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Africa/Casablanca')::date;
BEGIN
  IF NEW.given_on > today THEN
    RAISE EXCEPTION 'consent given in the future' USING ERRCODE = 'check_violation', CONSTRAINT = 'consents_given_not_future';
  END IF;
  IF NEW.withdrawn_on > today THEN
    RAISE EXCEPTION 'consent withdrawn in the future' USING ERRCODE = 'check_violation', CONSTRAINT = 'consents_withdrawn_not_future';
  END IF;
  -- A withdrawal is final: once withdrawn, a consent is not edited (a new one is recorded).
  IF TG_OP = 'UPDATE' AND OLD.withdrawn_on IS NOT NULL THEN
    RAISE EXCEPTION 'consent already withdrawn' USING ERRCODE = 'check_violation', CONSTRAINT = 'consents_withdrawal_final';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER consents_dates BEFORE INSERT OR UPDATE ON beneficiaries.consents
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_consent_dates();
CREATE TRIGGER consents_fill_keys BEFORE INSERT OR UPDATE OF person_id ON beneficiaries.consents
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_person_child_keys();
CREATE TRIGGER consents_touch BEFORE UPDATE ON beneficiaries.consents FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER consents_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.consents FOR EACH ROW EXECUTE FUNCTION audit.capture();

ALTER TABLE beneficiaries.consents ENABLE ROW LEVEL SECURITY;
-- Consents follow the person's visibility (the persons policy applies inside the EXISTS).
CREATE POLICY consents_with_person ON beneficiaries.consents TO raaya_app
  USING (EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = consents.person_id))
  WITH CHECK (EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = consents.person_id));
-- No DELETE: a consent is withdrawn, never erased (the proof of the basis must remain).
GRANT SELECT, INSERT, UPDATE ON beneficiaries.consents TO raaya_app;

-- Retention (art. 3 §1 e): one rule per record type, counted from the end of the file.
CREATE TABLE beneficiaries.retention_rules (
  record_type text PRIMARY KEY CHECK (record_type IN ('case_file', 'admission', 'request')),
  -- When the period starts: the case's closure, the exit from the institution, the closing of a
  -- request that led to no case file.
  starts_from text NOT NULL CHECK (starts_from IN ('case_closed', 'exit', 'request_closed')),
  years int NOT NULL CHECK (years BETWEEN 1 AND 100),
  basis_ar text NOT NULL CHECK (length(basis_ar) BETWEEN 1 AND 300),
  basis_fr text NOT NULL CHECK (length(basis_fr) BETWEEN 1 AND 300),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT retention_rules_start_fits CHECK ((record_type, starts_from) IN (('case_file', 'case_closed'), ('admission', 'exit'), ('request', 'request_closed')))
);
INSERT INTO beneficiaries.retention_rules (record_type, starts_from, years, basis_ar, basis_fr) VALUES
  ('case_file', 'case_closed', 10, 'مدة التكفل زائد عشر سنوات، كما هو مصرح به لدى اللجنة الوطنية', 'Durée de la prise en charge plus dix ans, telle que déclarée à la CNDP'),
  ('admission', 'exit', 10, 'سجل المستفيدين (القانون 65-15، المادة 28): عشر سنوات بعد المغادرة', 'Registre des bénéficiaires (loi 65-15, art. 28) : dix ans après la sortie'),
  ('request', 'request_closed', 2, 'طلب لم يفض إلى ملف: سنتان بعد إغلاقه', 'Demande sans dossier : deux ans après sa clôture');
CREATE TRIGGER retention_rules_touch BEFORE UPDATE ON beneficiaries.retention_rules FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER retention_rules_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.retention_rules FOR EACH ROW EXECUTE FUNCTION audit.capture();
ALTER TABLE beneficiaries.retention_rules ENABLE ROW LEVEL SECURITY;
-- National reference data: everyone reads it, only the national administrator changes a period.
CREATE POLICY retention_rules_read ON beneficiaries.retention_rules FOR SELECT TO raaya_app USING (true);
CREATE POLICY retention_rules_admin ON beneficiaries.retention_rules FOR UPDATE TO raaya_app
  USING (app.current_role() = 'system_admin') WITH CHECK (app.current_role() = 'system_admin');
GRANT SELECT, UPDATE (years, basis_ar, basis_fr) ON beneficiaries.retention_rules TO raaya_app;

-- The review of a file past its period: keep it until a later date (with the reason), or hand it
-- to the elimination procedure of public archives (law 69-99), after which it is no longer due.
CREATE TABLE beneficiaries.retention_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  record_type text NOT NULL REFERENCES beneficiaries.retention_rules(record_type),
  record_id uuid NOT NULL,
  -- The person of the record (a public request may have none yet).
  person_id uuid REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  decision text NOT NULL CHECK (decision IN ('keep', 'eliminate')),
  keep_until date,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  reviewed_by uuid REFERENCES access.users(id),
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid, institution_id uuid,
  CONSTRAINT retention_reviews_keep_until CHECK ((decision = 'keep') = (keep_until IS NOT NULL))
);
CREATE INDEX retention_reviews_record_idx ON beneficiaries.retention_reviews (record_type, record_id, reviewed_at DESC);

-- The reviewed record must exist and be visible to the reviewer (its policy applies: this function
-- is not a definer) and be past its period; the person and the keys come from the record.
CREATE FUNCTION beneficiaries.fill_retention_review() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found_record boolean;
  found_person uuid;
  ended date;
  period int;
BEGIN
  SELECT years INTO period FROM beneficiaries.retention_rules WHERE record_type = NEW.record_type;
  IF NEW.record_type = 'case_file' THEN
    SELECT c.person_id, c.closed_on, c.region_id, c.delegation_id, c.association_id, c.institution_id
      INTO found_person, ended, NEW.region_id, NEW.delegation_id, NEW.association_id, NEW.institution_id
    FROM beneficiaries.cases c WHERE c.id = NEW.record_id;
    found_record := FOUND;
  ELSIF NEW.record_type = 'admission' THEN
    SELECT a.person_id, a.exit_date, a.region_id, a.delegation_id, a.association_id, a.institution_id
      INTO found_person, ended, NEW.region_id, NEW.delegation_id, NEW.association_id, NEW.institution_id
    FROM beneficiaries.admissions a WHERE a.id = NEW.record_id;
    found_record := FOUND;
  ELSE
    SELECT r.person_id, CASE WHEN r.status IN ('closed', 'rejected') AND r.case_id IS NULL THEN (r.updated_at AT TIME ZONE 'Africa/Casablanca')::date END,
        r.region_id, r.delegation_id, r.association_id, r.institution_id
      INTO found_person, ended, NEW.region_id, NEW.delegation_id, NEW.association_id, NEW.institution_id
    FROM beneficiaries.requests r WHERE r.id = NEW.record_id;
    found_record := FOUND;
  END IF;
  IF NOT found_record THEN
    RAISE EXCEPTION 'no such record' USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'retention_reviews_record_exists';
  END IF;
  NEW.person_id := found_person;
  IF ended IS NULL OR ended + make_interval(years => period) > (now() AT TIME ZONE 'Africa/Casablanca')::date THEN
    RAISE EXCEPTION 'record not past its retention period' USING ERRCODE = 'check_violation', CONSTRAINT = 'retention_reviews_record_due';
  END IF;
  IF NEW.keep_until IS NOT NULL AND NEW.keep_until <= (now() AT TIME ZONE 'Africa/Casablanca')::date THEN
    RAISE EXCEPTION 'keep until a past date' USING ERRCODE = 'check_violation', CONSTRAINT = 'retention_reviews_keep_future';
  END IF;
  NEW.reviewed_by := app.current_user_id();
  RETURN NEW;
END $$;
CREATE TRIGGER retention_reviews_fill BEFORE INSERT ON beneficiaries.retention_reviews
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_retention_review();
CREATE TRIGGER retention_reviews_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.retention_reviews FOR EACH ROW EXECUTE FUNCTION audit.capture();
ALTER TABLE beneficiaries.retention_reviews ENABLE ROW LEVEL SECURITY;
CREATE POLICY retention_reviews_in_scope ON beneficiaries.retention_reviews TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
-- Reviews are decisions on record: inserted, never changed.
GRANT SELECT, INSERT ON beneficiaries.retention_reviews TO raaya_app;

-- Files past their period are found from the end dates.
CREATE INDEX cases_closed_on_idx ON beneficiaries.cases (closed_on, id) WHERE closed_on IS NOT NULL;
CREATE INDEX admissions_exit_date_idx ON beneficiaries.admissions (exit_date, id) WHERE exit_date IS NOT NULL;
CREATE INDEX requests_closed_idx ON beneficiaries.requests (updated_at, id) WHERE status IN ('closed', 'rejected') AND case_id IS NULL;
