-- The institution's legal beneficiary register (law 65-15 art. 28; decree 2.19.693 art. 11) and
-- occupancy (issue 6 items 4 and 5). 0080 made the admissions table; this migration adds the rules
-- only the database can hold for every writer: who a category of institution may admit, capacity by
-- sex (exceeded only with a written justification), the pathway moves an admission and an exit make
-- (referral completed, case admitted then exited, case keys to the institution), transfers between
-- institutions (consent of the legal representative or of the ministry for a minor or a person with
-- a mental disability), and the counts of occupancy a referring delegation may read.

-- Age in whole years on a date (a year-only birth date is 1 January of that year).
CREATE FUNCTION beneficiaries.age_on(p_birth date, p_on date) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT extract(year FROM age(p_on, p_birth))::int
$$;

-- Who a kind of institution serves (decision 0019). Returns the name of the rule the person breaks,
-- or NULL when the institution serves them. Both the legal category (law 65-15 art. 3) and the
-- Entraide Nationale centre type apply when both are given.
--   sex:      sex_served 'boys' takes males, 'girls' females; women's categories and centres take women;
--   minors:   kafala_children, child_protection, schooled_children; children_home, child_protection_unit,
--             student_home (Dar Talib / Dar Taliba) take persons under 18 on the admission date;
--             schooled children and student homes from 6 years; kindergartens under 6;
--   elderly:  elderly, elderly_home take persons of 60 or more;
--   others (disability, homeless, emergency, social centres...): any age.
-- A rule on age needs the birth date (exact or year).
CREATE FUNCTION beneficiaries.admission_refusal(p_category text, p_centre text, p_sex_served text, p_sex text, p_birth date, p_on date)
RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  min_age int := NULL;
  max_age int := NULL; -- exclusive
  age int;
BEGIN
  IF (p_sex_served = 'boys' AND p_sex <> 'male') OR (p_sex_served = 'girls' AND p_sex <> 'female')
     OR ((p_category = 'women_multipurpose' OR p_centre IN ('womens_hostel', 'women_multifunctional_space')) AND p_sex <> 'female') THEN
    RETURN 'admissions_sex_not_served';
  END IF;
  IF p_category IN ('kafala_children', 'child_protection', 'schooled_children') OR p_centre IN ('children_home', 'child_protection_unit', 'student_home') THEN
    max_age := 18;
  END IF;
  IF p_category = 'schooled_children' OR p_centre = 'student_home' THEN
    min_age := 6;
  END IF;
  IF p_centre = 'kindergarten' THEN
    max_age := 6;
  END IF;
  IF p_category = 'elderly' OR p_centre = 'elderly_home' THEN
    min_age := 60;
  END IF;
  IF min_age IS NULL AND max_age IS NULL THEN
    RETURN NULL;
  END IF;
  IF p_birth IS NULL THEN
    RETURN 'admissions_birth_date_needed';
  END IF;
  age := beneficiaries.age_on(p_birth, p_on);
  IF (min_age IS NOT NULL AND age < min_age) OR (max_age IS NOT NULL AND age >= max_age) THEN
    RETURN 'admissions_age_not_served';
  END IF;
  RETURN NULL;
END $$;

-- The school year a date falls in: "2026-2027" from 1 September 2026 to 31 August 2027.
CREATE FUNCTION beneficiaries.school_year_of(p_on date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN extract(month FROM p_on) >= 9 THEN extract(year FROM p_on)::int || '-' || (extract(year FROM p_on)::int + 1)
    ELSE (extract(year FROM p_on)::int - 1) || '-' || extract(year FROM p_on)::int END
$$;

-- Live occupancy of one institution by sex: open admissions (no exit date), whoever may see them.
CREATE FUNCTION beneficiaries.open_admissions_count(p_institution uuid, p_sex text) RETURNS int
LANGUAGE sql STABLE AS $$
  SELECT count(*)::int FROM beneficiaries.admissions a JOIN beneficiaries.persons p ON p.id = a.person_id
  WHERE a.institution_id = p_institution AND a.exit_date IS NULL AND p.sex = p_sex
$$;

-- Before an admission is written (insert, or a change of institution, person or dates): the category
-- serves the person, dates are not in the future, a Dar Talib/Taliba admission has its school year,
-- the case and referral belong to the person (the referral accepted by this institution), and the
-- capacity for the person's sex is not exceeded without a justification. SECURITY DEFINER: the rules
-- count every open admission of the institution and read the person whatever the writer's scope.
CREATE FUNCTION beneficiaries.check_admission() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  inst record;
  person record;
  refusal text;
  occupied int;
  capacity int;
  today date := (now() AT TIME ZONE 'Africa/Casablanca')::date;
BEGIN
  SELECT i.legal_category, i.centre_type, i.sex_served, i.capacity_male, i.capacity_female INTO inst
  FROM registry.institutions i WHERE i.id = NEW.institution_id;
  SELECT p.sex, p.birth_date INTO person FROM beneficiaries.persons p WHERE p.id = NEW.person_id;

  IF NEW.admission_date > today THEN
    RAISE EXCEPTION 'admission date in the future' USING ERRCODE = 'check_violation', CONSTRAINT = 'admissions_date_not_future';
  END IF;
  IF NEW.exit_date > today THEN
    RAISE EXCEPTION 'exit date in the future' USING ERRCODE = 'check_violation', CONSTRAINT = 'admissions_exit_not_future';
  END IF;

  IF TG_OP = 'INSERT' OR (NEW.institution_id, NEW.person_id, NEW.admission_date) IS DISTINCT FROM (OLD.institution_id, OLD.person_id, OLD.admission_date) THEN
    refusal := beneficiaries.admission_refusal(inst.legal_category, inst.centre_type, inst.sex_served, person.sex, person.birth_date, NEW.admission_date);
    IF refusal IS NOT NULL THEN
      RAISE EXCEPTION 'the institution does not serve this person (%)', refusal USING ERRCODE = 'check_violation', CONSTRAINT = refusal;
    END IF;
  END IF;

  -- Dar Talib / Dar Taliba count by school year: when none is given, the one of the admission date
  -- (a school year starts in September).
  IF (inst.legal_category = 'schooled_children' OR inst.centre_type = 'student_home') AND NEW.school_year IS NULL THEN
    NEW.school_year := beneficiaries.school_year_of(NEW.admission_date);
  END IF;
  IF NEW.school_year IS NOT NULL AND split_part(NEW.school_year, '-', 2)::int <> split_part(NEW.school_year, '-', 1)::int + 1 THEN
    RAISE EXCEPTION 'school year form' USING ERRCODE = 'check_violation', CONSTRAINT = 'admissions_school_year_form';
  END IF;

  IF NEW.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM beneficiaries.cases c WHERE c.id = NEW.case_id AND c.person_id = NEW.person_id) THEN
    RAISE EXCEPTION 'case of another person' USING ERRCODE = 'check_violation', CONSTRAINT = 'admissions_case_person';
  END IF;
  IF NEW.referral_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.referral_id IS DISTINCT FROM OLD.referral_id) THEN
    IF NOT EXISTS (SELECT 1 FROM beneficiaries.referrals r WHERE r.id = NEW.referral_id AND r.person_id = NEW.person_id
                     AND r.institution_id = NEW.institution_id AND r.state = 'accepted') THEN
      RAISE EXCEPTION 'referral not accepted by this institution for this person' USING ERRCODE = 'check_violation', CONSTRAINT = 'admissions_referral_not_accepted';
    END IF;
    IF NEW.case_id IS NULL THEN
      SELECT r.case_id INTO NEW.case_id FROM beneficiaries.referrals r WHERE r.id = NEW.referral_id;
    END IF;
  END IF;

  -- Capacity: counted for a new open admission (or one moved to another institution), under a lock
  -- on the institution so two admissions at the same moment cannot both take the last place.
  IF NEW.exit_date IS NULL AND (TG_OP = 'INSERT' OR NEW.institution_id IS DISTINCT FROM OLD.institution_id OR OLD.exit_date IS NOT NULL) THEN
    PERFORM pg_advisory_xact_lock(hashtext('beneficiaries.admissions'), hashtext(NEW.institution_id::text));
    occupied := beneficiaries.open_admissions_count(NEW.institution_id, person.sex);
    capacity := CASE person.sex WHEN 'male' THEN inst.capacity_male ELSE inst.capacity_female END;
    IF occupied >= capacity AND NEW.over_capacity_justification IS NULL THEN
      RAISE EXCEPTION 'capacity reached (% of %)', occupied, capacity USING ERRCODE = 'check_violation', CONSTRAINT = 'admissions_over_capacity';
    END IF;
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.check_admission() FROM PUBLIC;
CREATE TRIGGER admissions_check BEFORE INSERT OR UPDATE OF institution_id, person_id, admission_date, exit_date, school_year,
  case_id, referral_id ON beneficiaries.admissions FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_admission();

-- The pathway follows the register: an admission completes its referral and brings the case to
-- 'admitted' with the institution's keys (the institution then holds the file); an exit brings the
-- case to 'exited'. SECURITY DEFINER: the receiving institution does not yet see the delegation's case.
CREATE FUNCTION beneficiaries.admission_moves_pathway() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.referral_id IS NOT NULL THEN
      UPDATE beneficiaries.referrals SET state = 'completed', completed_on = NEW.admission_date
      WHERE id = NEW.referral_id AND state = 'accepted';
    END IF;
    IF NEW.case_id IS NOT NULL AND NEW.exit_date IS NULL THEN
      UPDATE beneficiaries.cases SET stage = 'admitted', institution_id = NEW.institution_id
      WHERE id = NEW.case_id AND (stage, institution_id) IS DISTINCT FROM ('admitted', NEW.institution_id);
    END IF;
  ELSIF OLD.exit_date IS NULL AND NEW.exit_date IS NOT NULL AND NEW.case_id IS NOT NULL THEN
    UPDATE beneficiaries.cases SET stage = 'exited'
    WHERE id = NEW.case_id AND stage IN ('admitted', 'accompaniment') AND institution_id = NEW.institution_id;
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.admission_moves_pathway() FROM PUBLIC;
CREATE TRIGGER admissions_pathway AFTER INSERT OR UPDATE OF exit_date ON beneficiaries.admissions
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.admission_moves_pathway();

-- Register pages: the open and exited rows of a year, by registration number (keyset).
CREATE INDEX admissions_register_open_idx ON beneficiaries.admissions (institution_id, registration_year DESC, registration_number DESC, id)
  WHERE exit_date IS NULL;
-- Waiting lists: accepted referrals of an institution, oldest decision first.
CREATE INDEX referrals_waiting_idx ON beneficiaries.referrals (institution_id, decided_on, id) WHERE state = 'accepted';

-- Transfers between institutions (decree 2.19.693; law 65-15): one row per move, which exits the old
-- admission and opens the new one (transferred_from). A minor, or a person with a mental,
-- intellectual or autistic disability, moves only with the recorded consent of the legal
-- representative or of the ministry. Keys: the sending institution's (from_*) and the receiving one's.
CREATE TABLE beneficiaries.transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  from_admission_id uuid NOT NULL REFERENCES beneficiaries.admissions(id),
  -- The admission the transfer opens (filled by the trigger; written after this row, hence deferred).
  to_admission_id uuid REFERENCES beneficiaries.admissions(id) DEFERRABLE INITIALLY DEFERRED,
  person_id uuid REFERENCES beneficiaries.persons(id),
  from_institution_id uuid REFERENCES registry.institutions(id),
  to_institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  transfer_date date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  consent_by text CHECK (consent_by IN ('legal_representative', 'ministry')),
  consent_name text CHECK (length(consent_name) BETWEEN 1 AND 160),
  consent_date date,
  -- Whether the law required consent for this person on that date (set by the trigger, kept as proof).
  consent_required boolean NOT NULL DEFAULT false,
  over_capacity_justification text CHECK (length(over_capacity_justification) BETWEEN 1 AND 1000),
  from_region_id uuid,
  from_delegation_id uuid,
  from_association_id uuid,
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid,
  created_by uuid REFERENCES access.users(id) DEFAULT app.current_user_id(),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT transfers_consent_complete CHECK ((consent_by IS NULL) = (consent_name IS NULL) AND (consent_by IS NULL) = (consent_date IS NULL)),
  CONSTRAINT transfers_consent_before CHECK (consent_date IS NULL OR consent_date <= transfer_date)
);
CREATE INDEX transfers_from_admission_idx ON beneficiaries.transfers (from_admission_id);
CREATE INDEX transfers_person_idx ON beneficiaries.transfers (person_id, transfer_date DESC);
CREATE INDEX transfers_to_institution_idx ON beneficiaries.transfers (to_institution_id, transfer_date DESC);
CREATE INDEX transfers_from_institution_idx ON beneficiaries.transfers (from_institution_id, transfer_date DESC);

-- Whether a transfer of this person on this date needs consent: a minor (or a person whose age is
-- unknown: the protective reading), or a recorded mental, intellectual or autistic disability.
CREATE FUNCTION beneficiaries.transfer_needs_consent(p_person uuid, p_on date) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT p.birth_date IS NULL OR beneficiaries.age_on(p.birth_date, p_on) < 18 FROM beneficiaries.persons p WHERE p.id = p_person), true)
    OR EXISTS (SELECT 1 FROM beneficiaries.disabilities d WHERE d.person_id = p_person AND d.kind IN ('mental', 'intellectual', 'autism'))
$$;
REVOKE ALL ON FUNCTION beneficiaries.transfer_needs_consent(uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.transfer_needs_consent(uuid, date) TO raaya_app;

CREATE FUNCTION beneficiaries.check_transfer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_admission record;
BEGIN
  SELECT a.* INTO old_admission FROM beneficiaries.admissions a WHERE a.id = NEW.from_admission_id;
  IF old_admission.exit_date IS NOT NULL THEN
    RAISE EXCEPTION 'admission already closed' USING ERRCODE = 'check_violation', CONSTRAINT = 'transfers_admission_open';
  END IF;
  IF old_admission.institution_id = NEW.to_institution_id THEN
    RAISE EXCEPTION 'same institution' USING ERRCODE = 'check_violation', CONSTRAINT = 'transfers_other_institution';
  END IF;
  IF NEW.transfer_date < old_admission.admission_date THEN
    RAISE EXCEPTION 'transfer before admission' USING ERRCODE = 'check_violation', CONSTRAINT = 'transfers_after_admission';
  END IF;
  NEW.person_id := old_admission.person_id;
  NEW.from_institution_id := old_admission.institution_id;
  NEW.from_region_id := old_admission.region_id;
  NEW.from_delegation_id := old_admission.delegation_id;
  NEW.from_association_id := old_admission.association_id;
  SELECT i.region_id, i.delegation_id, i.association_id, i.id INTO NEW.region_id, NEW.delegation_id, NEW.association_id, NEW.institution_id
  FROM registry.institutions i WHERE i.id = NEW.to_institution_id;
  NEW.consent_required := beneficiaries.transfer_needs_consent(NEW.person_id, NEW.transfer_date);
  IF NEW.consent_required AND NEW.consent_by IS NULL THEN
    RAISE EXCEPTION 'transfer of a minor or of a person with a mental disability without consent'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'transfers_consent_required';
  END IF;
  NEW.to_admission_id := gen_random_uuid();
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.check_transfer() FROM PUBLIC;
CREATE TRIGGER transfers_check BEFORE INSERT ON beneficiaries.transfers FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_transfer();

-- The move itself: exit from the old register ('transfer', destination the receiving institution),
-- then the admission into the new one, checked by its own rules (category, capacity).
CREATE FUNCTION beneficiaries.apply_transfer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_admission record;
BEGIN
  SELECT a.* INTO old_admission FROM beneficiaries.admissions a WHERE a.id = NEW.from_admission_id;
  UPDATE beneficiaries.admissions SET exit_date = NEW.transfer_date, exit_reason = 'transfer',
    exit_destination = (SELECT left(i.name_ar || ' - ' || i.name_fr, 300) FROM registry.institutions i WHERE i.id = NEW.to_institution_id)
  WHERE id = NEW.from_admission_id;
  INSERT INTO beneficiaries.admissions (id, institution_id, person_id, case_id, admission_date, school_year, school_name, school_level,
    over_capacity_justification, transferred_from, created_by)
  SELECT NEW.to_admission_id, NEW.to_institution_id, NEW.person_id, old_admission.case_id, NEW.transfer_date,
    CASE WHEN i.legal_category = 'schooled_children' OR i.centre_type = 'student_home' THEN old_admission.school_year END,
    CASE WHEN i.legal_category = 'schooled_children' OR i.centre_type = 'student_home' THEN old_admission.school_name END,
    CASE WHEN i.legal_category = 'schooled_children' OR i.centre_type = 'student_home' THEN old_admission.school_level END,
    NEW.over_capacity_justification, NEW.from_admission_id, NEW.created_by
  FROM registry.institutions i WHERE i.id = NEW.to_institution_id;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.apply_transfer() FROM PUBLIC;
CREATE TRIGGER transfers_apply AFTER INSERT ON beneficiaries.transfers FOR EACH ROW EXECUTE FUNCTION beneficiaries.apply_transfer();

CREATE TRIGGER transfers_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.transfers FOR EACH ROW EXECUTE FUNCTION audit.capture();

ALTER TABLE beneficiaries.transfers ENABLE ROW LEVEL SECURITY;
-- Seen by the sending and the receiving side; written by the sending side only (it holds the person).
CREATE POLICY transfers_read ON beneficiaries.transfers FOR SELECT TO raaya_app
  USING (app.scope_allows(from_region_id, from_delegation_id, from_association_id, from_institution_id)
    OR app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY transfers_insert ON beneficiaries.transfers FOR INSERT TO raaya_app
  WITH CHECK (app.scope_allows(from_region_id, from_delegation_id, from_association_id, from_institution_id));
GRANT SELECT, INSERT ON beneficiaries.transfers TO raaya_app;

-- Occupancy of one institution, counts only, for anyone signed in (a delegation referring a person
-- to an institution of another delegation sees its free places and waiting list): licensed capacity
-- and open admissions by sex, and the waiting list (accepted referrals not yet admitted).
CREATE FUNCTION beneficiaries.institution_occupancy(p_institutions uuid[])
RETURNS TABLE (institution_id uuid, capacity_male int, capacity_female int, occupied_male int, occupied_female int, waiting int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT i.id, i.capacity_male, i.capacity_female,
    (SELECT count(*)::int FROM beneficiaries.admissions a JOIN beneficiaries.persons p ON p.id = a.person_id
      WHERE a.institution_id = i.id AND a.exit_date IS NULL AND p.sex = 'male'),
    (SELECT count(*)::int FROM beneficiaries.admissions a JOIN beneficiaries.persons p ON p.id = a.person_id
      WHERE a.institution_id = i.id AND a.exit_date IS NULL AND p.sex = 'female'),
    (SELECT count(*)::int FROM beneficiaries.referrals r WHERE r.institution_id = i.id AND r.state = 'accepted')
  FROM registry.institutions i
  WHERE i.id = ANY(p_institutions) AND app.current_user_id() IS NOT NULL
$$;
REVOKE ALL ON FUNCTION beneficiaries.institution_occupancy(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.institution_occupancy(uuid[]) TO raaya_app;

-- Dar Talib / Dar Taliba: admissions of each school year by sex, and those still present.
CREATE FUNCTION beneficiaries.school_year_occupancy(p_institution uuid)
RETURNS TABLE (school_year text, admitted_male int, admitted_female int, present_male int, present_female int)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT a.school_year,
    count(*) FILTER (WHERE p.sex = 'male')::int, count(*) FILTER (WHERE p.sex = 'female')::int,
    count(*) FILTER (WHERE p.sex = 'male' AND a.exit_date IS NULL)::int, count(*) FILTER (WHERE p.sex = 'female' AND a.exit_date IS NULL)::int
  FROM beneficiaries.admissions a JOIN beneficiaries.persons p ON p.id = a.person_id
  WHERE a.institution_id = p_institution AND a.school_year IS NOT NULL AND app.current_user_id() IS NOT NULL
  GROUP BY a.school_year ORDER BY a.school_year DESC
$$;
REVOKE ALL ON FUNCTION beneficiaries.school_year_occupancy(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.school_year_occupancy(uuid) TO raaya_app;
