-- Beneficiaries and the Jisr pathway (PRODUCT.md §2.2; law 65-15 art. 28 and decree 2.19.693
-- art. 11; law 09-08). The core tables every part of the module shares: persons and their family,
-- reception requests (the queues), case files, referrals, admissions (the legal register), and the
-- sensitive data kept apart. Later migrations of the module add matching (0081-0084), reception
-- (0085-0089), the pathway (0090-0094), the register and occupancy (0095-0099) and data protection
-- (0100-0104).
--
-- Scope. A person is held by a delegation (and, when an institution registered it, by that
-- institution): persons carry region_id, delegation_id, association_id, institution_id of the
-- holder. Anyone who sees one of the person's cases, referrals or admissions also sees the person.
-- Case files carry the keys of the delegation that follows them and of the institution that
-- holds them once admitted; referrals carry both the sending and the receiving keys; admissions
-- the institution's keys. Sensitive data (health, disability, violence and court orders) is
-- visible only when the person is and the role needs it (beneficiaries.may_read_sensitive()).

CREATE SCHEMA beneficiaries;
GRANT USAGE ON SCHEMA beneficiaries TO raaya_app;

-- Roles whose work needs health, disability and violence data (law 09-08 art. 24: access control
-- so only authorised persons see the data). The API's permission 'beneficiaries.sensitive' is
-- granted to the same roles (a test keeps both lists equal).
CREATE FUNCTION beneficiaries.may_read_sensitive() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(app.current_role() IN ('social_worker', 'institution_director'), false)
$$;

-- Human numbers (request, case, registration) from per-scope, per-year counters. The counters are
-- the owner's: the application reaches them through this function only.
CREATE TABLE beneficiaries.counters (
  scope_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('request', 'case', 'registration')),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  last_value int NOT NULL,
  PRIMARY KEY (scope_id, kind, year)
);
CREATE FUNCTION beneficiaries.next_number(p_scope uuid, p_kind text, p_year int) RETURNS int
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO beneficiaries.counters AS c (scope_id, kind, year, last_value) VALUES (p_scope, p_kind, p_year, 1)
  ON CONFLICT (scope_id, kind, year) DO UPDATE SET last_value = c.last_value + 1
  RETURNING last_value
$$;
REVOKE ALL ON FUNCTION beneficiaries.next_number(uuid, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.next_number(uuid, text, int) TO raaya_app;

-- "09.001" → "09001": the delegation part of request and case numbers.
CREATE FUNCTION beneficiaries.delegation_tag(p_delegation uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT replace(code, '.', '') FROM organisation.delegations WHERE id = p_delegation
$$;
REVOKE ALL ON FUNCTION beneficiaries.delegation_tag(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.delegation_tag(uuid) TO raaya_app;

-- Households (RSU registers households; a person may be linked to one).
CREATE TABLE beneficiaries.households (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 160),
  address text CHECK (length(address) <= 300),
  commune_id uuid REFERENCES territory.communes(id),
  rsu_registered boolean NOT NULL DEFAULT false,
  region_id uuid REFERENCES territory.regions(id) CONSTRAINT households_region_filled CHECK (region_id IS NOT NULL),
  delegation_id uuid REFERENCES organisation.delegations(id) CONSTRAINT households_delegation_filled CHECK (delegation_id IS NOT NULL),
  association_id uuid REFERENCES registry.associations(id),
  institution_id uuid REFERENCES registry.institutions(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One national person record (issue 6 item 1).
CREATE TABLE beneficiaries.persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  first_name_ar text CHECK (length(first_name_ar) BETWEEN 1 AND 80),
  last_name_ar text CHECK (length(last_name_ar) BETWEEN 1 AND 80),
  first_name_lat text CHECK (length(first_name_lat) BETWEEN 1 AND 80),
  last_name_lat text CHECK (length(last_name_lat) BETWEEN 1 AND 80),
  -- Folded names (app.fold_name) for search and matching, in each script.
  name_key_ar text GENERATED ALWAYS AS (app.fold_name(coalesce(first_name_ar, '') || ' ' || coalesce(last_name_ar, ''))) STORED,
  name_key_lat text GENERATED ALWAYS AS (app.fold_name(coalesce(first_name_lat, '') || ' ' || coalesce(last_name_lat, ''))) STORED,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  -- Exact date, or only the year (stored as 1 January of that year) when the exact date is unknown.
  birth_date date,
  birth_date_precision text NOT NULL DEFAULT 'exact' CHECK (birth_date_precision IN ('exact', 'year')),
  birth_place text CHECK (length(birth_place) BETWEEN 1 AND 120),
  cnie text CHECK (cnie ~ '^[A-Z]{1,2}[0-9]{1,7}$'),
  idcs text CHECK (idcs ~ '^[0-9]{10}$'),
  phone text CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  address text CHECK (length(address) <= 300),
  commune_id uuid REFERENCES territory.communes(id),
  family_status text CHECK (family_status IN ('single', 'married', 'divorced', 'widowed', 'unknown')),
  schooling_level text CHECK (schooling_level IN ('none', 'preschool', 'primary', 'lower_secondary',
    'upper_secondary', 'higher', 'vocational', 'literacy', 'unknown')),
  household_id uuid REFERENCES beneficiaries.households(id),
  -- Set when this record was merged into another (the merge is reviewed and reversible).
  merged_into uuid REFERENCES beneficiaries.persons(id),
  -- Holder: the delegation that keeps the record, and the institution when one registered it.
  -- Filled by beneficiaries.fill_holder_keys() from the writer's scope when not given.
  region_id uuid REFERENCES territory.regions(id) CONSTRAINT persons_region_filled CHECK (region_id IS NOT NULL),
  delegation_id uuid REFERENCES organisation.delegations(id) CONSTRAINT persons_delegation_filled CHECK (delegation_id IS NOT NULL),
  association_id uuid REFERENCES registry.associations(id),
  institution_id uuid REFERENCES registry.institutions(id),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT persons_named CHECK (first_name_ar IS NOT NULL OR first_name_lat IS NOT NULL OR last_name_ar IS NOT NULL OR last_name_lat IS NOT NULL),
  CONSTRAINT persons_birth_year_form CHECK (birth_date_precision = 'exact' OR (birth_date IS NOT NULL AND extract(doy FROM birth_date) = 1)),
  CONSTRAINT persons_not_merged_into_self CHECK (merged_into IS NULL OR merged_into <> id)
);
CREATE UNIQUE INDEX persons_cnie_key ON beneficiaries.persons (cnie) WHERE cnie IS NOT NULL AND merged_into IS NULL;
CREATE UNIQUE INDEX persons_idcs_key ON beneficiaries.persons (idcs) WHERE idcs IS NOT NULL AND merged_into IS NULL;
CREATE INDEX persons_delegation_idx ON beneficiaries.persons (delegation_id, name_key_lat, id);
CREATE INDEX persons_institution_idx ON beneficiaries.persons (institution_id, id) WHERE institution_id IS NOT NULL;
CREATE INDEX persons_household_idx ON beneficiaries.persons (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX persons_phone_idx ON beneficiaries.persons (phone) WHERE phone IS NOT NULL;
CREATE INDEX persons_merged_into_idx ON beneficiaries.persons (merged_into) WHERE merged_into IS NOT NULL;

-- A birth date in the future is refused (a CHECK may not read the clock).
CREATE FUNCTION beneficiaries.check_birth_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.birth_date > (now() AT TIME ZONE 'Africa/Casablanca')::date THEN
    RAISE EXCEPTION 'birth date in the future' USING ERRCODE = 'check_violation', CONSTRAINT = 'persons_birth_not_future';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER persons_birth_not_future BEFORE INSERT OR UPDATE OF birth_date ON beneficiaries.persons
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_birth_date();

-- The holder's keys: given delegation or institution, else the writer's own scope, else the
-- commune's delegation. Region and founder follow from delegation and institution.
CREATE FUNCTION beneficiaries.fill_holder_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.institution_id IS NULL AND NEW.delegation_id IS NULL THEN
    NEW.institution_id := app.setting_uuid('app.institution_id');
  END IF;
  IF NEW.institution_id IS NOT NULL THEN
    SELECT i.delegation_id, i.association_id INTO NEW.delegation_id, NEW.association_id
    FROM registry.institutions i WHERE i.id = NEW.institution_id;
  ELSE
    NEW.association_id := NULL;
  END IF;
  IF NEW.delegation_id IS NULL THEN
    NEW.delegation_id := app.setting_uuid('app.delegation_id');
  END IF;
  IF NEW.delegation_id IS NULL AND NEW.commune_id IS NOT NULL THEN
    SELECT c.delegation_id INTO NEW.delegation_id FROM territory.communes c WHERE c.id = NEW.commune_id;
  END IF;
  SELECT d.region_id INTO NEW.region_id FROM organisation.delegations d WHERE d.id = NEW.delegation_id;
  RETURN NEW;
END $$;
CREATE TRIGGER persons_fill_keys BEFORE INSERT OR UPDATE OF delegation_id, institution_id ON beneficiaries.persons
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_holder_keys();
CREATE TRIGGER households_fill_keys BEFORE INSERT OR UPDATE OF delegation_id, institution_id ON beneficiaries.households
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_holder_keys();

-- Family and legal guardian (decree 2.19.693 art. 11: name, CNIE, residence, phone, profession,
-- social situation of the father, mother or legal representative).
CREATE TABLE beneficiaries.relatives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  relation text NOT NULL CHECK (relation IN ('father', 'mother', 'legal_guardian', 'kafil', 'sibling', 'spouse', 'grandparent', 'other')),
  is_legal_representative boolean NOT NULL DEFAULT false,
  full_name_ar text CHECK (length(full_name_ar) BETWEEN 1 AND 160),
  full_name_lat text CHECK (length(full_name_lat) BETWEEN 1 AND 160),
  name_key text GENERATED ALWAYS AS (app.fold_name(coalesce(full_name_ar, '') || ' ' || coalesce(full_name_lat, ''))) STORED,
  cnie text CHECK (cnie ~ '^[A-Z]{1,2}[0-9]{1,7}$'),
  phone text CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  address text CHECK (length(address) <= 300),
  profession text CHECK (length(profession) <= 120),
  social_situation text CHECK (social_situation IN ('employed', 'unemployed', 'retired', 'deceased', 'unknown_whereabouts',
    'incarcerated', 'disabled', 'other')),
  alive boolean NOT NULL DEFAULT true,
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT relatives_named CHECK (full_name_ar IS NOT NULL OR full_name_lat IS NOT NULL)
);
CREATE INDEX relatives_person_idx ON beneficiaries.relatives (person_id, relation);

-- Child rows of a person copy its holder keys (and follow it when it moves).
CREATE FUNCTION beneficiaries.fill_person_child_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.region_id, p.delegation_id, p.association_id, p.institution_id
    INTO NEW.region_id, NEW.delegation_id, NEW.association_id, NEW.institution_id
  FROM beneficiaries.persons p WHERE p.id = NEW.person_id;
  RETURN NEW;
END $$;
CREATE TRIGGER relatives_fill_keys BEFORE INSERT OR UPDATE OF person_id ON beneficiaries.relatives
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_person_child_keys();

-- Case files (ملف الحالة): one pathway of one person, from reception to follow-up after exit.
-- Keys: the following delegation; association and institution once an institution holds it.
CREATE TABLE beneficiaries.cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Filled by the trigger from the delegation's counter (checked, not NOT NULL: writers never give it).
  number text CONSTRAINT cases_number_filled CHECK (number IS NOT NULL AND length(number) <= 40),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id),
  stage text NOT NULL DEFAULT 'reception' CHECK (stage IN ('reception', 'diagnosis', 'orientation', 'admitted',
    'accompaniment', 'exited', 'post_exit', 'closed')),
  target_group text CHECK (target_group IN ('children', 'schooled_children', 'abandoned_children', 'youth', 'women',
    'women_in_difficulty', 'elderly', 'persons_with_disabilities', 'homeless', 'families')),
  opened_on date NOT NULL DEFAULT (now() AT TIME ZONE 'Africa/Casablanca')::date,
  closed_on date,
  close_reason text CHECK (length(close_reason) BETWEEN 1 AND 500),
  -- The social worker who follows the case.
  handler_id uuid REFERENCES access.users(id),
  region_id uuid REFERENCES territory.regions(id) CONSTRAINT cases_region_filled CHECK (region_id IS NOT NULL),
  delegation_id uuid REFERENCES organisation.delegations(id) CONSTRAINT cases_delegation_filled CHECK (delegation_id IS NOT NULL),
  association_id uuid REFERENCES registry.associations(id),
  institution_id uuid REFERENCES registry.institutions(id),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT cases_closed_after_opened CHECK (closed_on IS NULL OR closed_on >= opened_on),
  UNIQUE (delegation_id, number)
);
CREATE INDEX cases_person_idx ON beneficiaries.cases (person_id, opened_on DESC);
CREATE INDEX cases_delegation_idx ON beneficiaries.cases (delegation_id, stage, opened_on DESC, id);
CREATE INDEX cases_institution_idx ON beneficiaries.cases (institution_id, stage, opened_on DESC, id) WHERE institution_id IS NOT NULL;
CREATE INDEX cases_handler_idx ON beneficiaries.cases (handler_id, stage, opened_on DESC, id) WHERE handler_id IS NOT NULL;

-- Keys from the institution when one is given (its delegation follows), else from the person's
-- holder; the number is taken from the delegation's counter of the year.
CREATE FUNCTION beneficiaries.fill_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.institution_id IS NOT NULL THEN
    SELECT i.association_id INTO NEW.association_id FROM registry.institutions i WHERE i.id = NEW.institution_id;
    IF NEW.delegation_id IS NULL THEN
      SELECT i.delegation_id INTO NEW.delegation_id FROM registry.institutions i WHERE i.id = NEW.institution_id;
    END IF;
  ELSE
    NEW.association_id := NULL;
  END IF;
  IF NEW.delegation_id IS NULL THEN
    SELECT p.delegation_id INTO NEW.delegation_id FROM beneficiaries.persons p WHERE p.id = NEW.person_id;
  END IF;
  SELECT d.region_id INTO NEW.region_id FROM organisation.delegations d WHERE d.id = NEW.delegation_id;
  IF TG_OP = 'INSERT' AND NEW.number IS NULL THEN
    NEW.number := 'C-' || beneficiaries.delegation_tag(NEW.delegation_id) || '-' || extract(year FROM NEW.opened_on)::int || '-'
      || lpad(beneficiaries.next_number(NEW.delegation_id, 'case', extract(year FROM NEW.opened_on)::int)::text, 5, '0');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_fill_keys BEFORE INSERT OR UPDATE OF delegation_id, institution_id ON beneficiaries.cases
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_case_keys();

-- Reception requests: the queues of the delegations and institutions (issue 6 item 2; issue 7
-- lands public requests here with channel 'public_request'). A request names its person once
-- identified; a public request starts with the requester's contact only.
CREATE TABLE beneficiaries.requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text CONSTRAINT requests_number_filled CHECK (number IS NOT NULL AND length(number) <= 40),
  person_id uuid REFERENCES beneficiaries.persons(id),
  case_id uuid REFERENCES beneficiaries.cases(id),
  channel text NOT NULL CHECK (channel IN ('walk_in', 'phone', 'referral', 'public_request')),
  reception_point text NOT NULL CHECK (reception_point IN ('delegation_desk', 'social_space', 'institution', 'public_site')),
  received_at timestamptz NOT NULL DEFAULT now(),
  -- Who came (or called, or wrote): the person, a relative, a neighbour, an association, an authority.
  requester_relation text NOT NULL DEFAULT 'self' CHECK (requester_relation IN ('self', 'family', 'neighbour', 'association',
    'authority', 'other')),
  requester_name text CHECK (length(requester_name) BETWEEN 1 AND 160),
  requester_phone text CHECK (requester_phone ~ '^\+[1-9][0-9]{7,14}$'),
  -- Stated needs, by target group, and in the requester's words.
  needs text[] NOT NULL DEFAULT '{}' CHECK (needs <@ ARRAY['children', 'schooled_children', 'abandoned_children', 'youth',
    'women', 'women_in_difficulty', 'elderly', 'persons_with_disabilities', 'homeless', 'families']::text[]),
  services text[] NOT NULL DEFAULT '{}' CHECK (services <@ ARRAY['reception', 'accommodation', 'feeding', 'orientation',
    'emergency_help', 'social_legal_assistance', 'social_mediation', 'educational_follow_up', 'training',
    'social_accompaniment', 'primary_health_care', 'medical_psychological_support', 'rehabilitation',
    'technical_aids', 'cultural_sport_leisure']::text[]),
  summary text CHECK (length(summary) BETWEEN 1 AND 1000),
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('low', 'normal', 'high', 'emergency')),
  listening_notes text CHECK (length(listening_notes) <= 10000),
  -- Where the need is (the competent delegation follows from it for public requests).
  commune_id uuid REFERENCES territory.communes(id),
  -- 'review': a public request that looks automated waits before it reaches the queue.
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('review', 'new', 'assigned', 'in_progress', 'case_opened', 'closed', 'rejected')),
  assigned_to uuid REFERENCES access.users(id),
  closed_reason text CHECK (length(closed_reason) BETWEEN 1 AND 500),
  -- Consent to the processing of the data (law 09-08 art. 4), as given at reception.
  consent_given boolean NOT NULL DEFAULT false,
  region_id uuid REFERENCES territory.regions(id) CONSTRAINT requests_region_filled CHECK (region_id IS NOT NULL),
  delegation_id uuid REFERENCES organisation.delegations(id) CONSTRAINT requests_delegation_filled CHECK (delegation_id IS NOT NULL),
  association_id uuid REFERENCES registry.associations(id),
  institution_id uuid REFERENCES registry.institutions(id),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT requests_someone CHECK (person_id IS NOT NULL OR requester_name IS NOT NULL),
  UNIQUE (delegation_id, number)
);
CREATE UNIQUE INDEX requests_number_key ON beneficiaries.requests (number);
CREATE INDEX requests_delegation_queue_idx ON beneficiaries.requests (delegation_id, status, received_at DESC, id);
CREATE INDEX requests_institution_queue_idx ON beneficiaries.requests (institution_id, status, received_at DESC, id) WHERE institution_id IS NOT NULL;
CREATE INDEX requests_assigned_idx ON beneficiaries.requests (assigned_to, status, received_at DESC, id) WHERE assigned_to IS NOT NULL;
CREATE INDEX requests_person_idx ON beneficiaries.requests (person_id) WHERE person_id IS NOT NULL;

-- Keys from the institution (an institution's queue), else the given delegation, the writer's
-- delegation or the commune's; the number from the delegation's counter of the year.
CREATE FUNCTION beneficiaries.fill_request_keys() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  year int := extract(year FROM (NEW.received_at AT TIME ZONE 'Africa/Casablanca'))::int;
BEGIN
  IF TG_OP = 'INSERT' AND NEW.institution_id IS NULL AND NEW.delegation_id IS NULL THEN
    NEW.institution_id := app.setting_uuid('app.institution_id');
  END IF;
  IF NEW.institution_id IS NOT NULL THEN
    SELECT i.delegation_id, i.association_id INTO NEW.delegation_id, NEW.association_id
    FROM registry.institutions i WHERE i.id = NEW.institution_id;
  ELSE
    NEW.association_id := NULL;
  END IF;
  IF NEW.delegation_id IS NULL AND NEW.commune_id IS NOT NULL THEN
    SELECT c.delegation_id INTO NEW.delegation_id FROM territory.communes c WHERE c.id = NEW.commune_id;
  END IF;
  IF NEW.delegation_id IS NULL THEN
    NEW.delegation_id := app.setting_uuid('app.delegation_id');
  END IF;
  SELECT d.region_id INTO NEW.region_id FROM organisation.delegations d WHERE d.id = NEW.delegation_id;
  IF TG_OP = 'INSERT' AND NEW.number IS NULL THEN
    NEW.number := 'R-' || beneficiaries.delegation_tag(NEW.delegation_id) || '-' || year || '-'
      || lpad(beneficiaries.next_number(NEW.delegation_id, 'request', year)::text, 5, '0');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER requests_fill_keys BEFORE INSERT OR UPDATE OF delegation_id, institution_id ON beneficiaries.requests
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_request_keys();

-- Referrals (orientation, توجيه) to an institution or an outside service.
CREATE TABLE beneficiaries.referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES beneficiaries.cases(id),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id),
  institution_id uuid REFERENCES registry.institutions(id),
  -- A service outside the registry (hospital, court, school...), named.
  outside_service text CHECK (length(outside_service) BETWEEN 1 AND 200),
  service text NOT NULL CHECK (service IN ('reception', 'accommodation', 'feeding', 'orientation',
    'emergency_help', 'social_legal_assistance', 'social_mediation', 'educational_follow_up', 'training',
    'social_accompaniment', 'primary_health_care', 'medical_psychological_support', 'rehabilitation',
    'technical_aids', 'cultural_sport_leisure')),
  state text NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'accepted', 'declined', 'completed', 'cancelled')),
  decline_reason text CHECK (length(decline_reason) BETWEEN 1 AND 1000),
  note text CHECK (length(note) <= 2000),
  proposed_on date NOT NULL DEFAULT (now() AT TIME ZONE 'Africa/Casablanca')::date,
  decided_on date,
  completed_on date,
  proposed_by uuid REFERENCES access.users(id),
  decided_by uuid REFERENCES access.users(id),
  -- Sending side (the case's delegation) and receiving side (the institution's keys).
  from_region_id uuid,
  from_delegation_id uuid,
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT referrals_target CHECK ((institution_id IS NULL) <> (outside_service IS NULL)),
  CONSTRAINT referrals_decline_reason CHECK (state <> 'declined' OR decline_reason IS NOT NULL)
);
CREATE INDEX referrals_case_idx ON beneficiaries.referrals (case_id, proposed_on DESC);
CREATE INDEX referrals_person_idx ON beneficiaries.referrals (person_id);
CREATE INDEX referrals_institution_idx ON beneficiaries.referrals (institution_id, state, proposed_on, id) WHERE institution_id IS NOT NULL;
CREATE INDEX referrals_from_delegation_idx ON beneficiaries.referrals (from_delegation_id, state, proposed_on DESC, id);

CREATE FUNCTION beneficiaries.fill_referral_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.region_id, c.delegation_id, c.person_id INTO NEW.from_region_id, NEW.from_delegation_id, NEW.person_id
  FROM beneficiaries.cases c WHERE c.id = NEW.case_id;
  IF NEW.institution_id IS NOT NULL THEN
    SELECT i.region_id, i.delegation_id, i.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
    FROM registry.institutions i WHERE i.id = NEW.institution_id;
  ELSE
    NEW.region_id := NEW.from_region_id;
    NEW.delegation_id := NEW.from_delegation_id;
    NEW.association_id := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER referrals_fill_keys BEFORE INSERT OR UPDATE OF case_id, institution_id ON beneficiaries.referrals
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_referral_keys();

-- Admissions: the institution's legal beneficiary register (law 65-15 art. 28; decree 2.19.693
-- art. 11). The registration number is per institution and year ("2026/0012"). Family data is the
-- person's relatives; health status is sensitive (beneficiaries.health_records).
CREATE TABLE beneficiaries.admissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id),
  case_id uuid REFERENCES beneficiaries.cases(id),
  referral_id uuid REFERENCES beneficiaries.referrals(id),
  -- Filled by the trigger (year of admission, next number of the institution's counter).
  registration_year int CONSTRAINT admissions_year_filled CHECK (registration_year IS NOT NULL AND registration_year BETWEEN 2000 AND 2200),
  registration_number text CONSTRAINT admissions_number_filled CHECK (registration_number IS NOT NULL AND length(registration_number) <= 20),
  admission_date date NOT NULL,
  exit_date date,
  exit_reason text CHECK (exit_reason IN ('programme_completed', 'family_reintegration', 'transfer', 'age_limit',
    'voluntary_departure', 'expulsion', 'employment', 'marriage', 'death', 'other')),
  exit_destination text CHECK (length(exit_destination) BETWEEN 1 AND 300),
  -- Dar Talib / Dar Taliba: the school year ("2026-2027"), the school and the level.
  school_year text CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
  school_name text CHECK (length(school_name) BETWEEN 1 AND 200),
  school_level text CHECK (length(school_level) BETWEEN 1 AND 80),
  -- An admission beyond the licensed capacity needs a written justification.
  over_capacity_justification text CHECK (length(over_capacity_justification) BETWEEN 1 AND 1000),
  -- The admission this one continues after a transfer between institutions.
  transferred_from uuid REFERENCES beneficiaries.admissions(id),
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT admissions_exit_after_admission CHECK (exit_date IS NULL OR exit_date >= admission_date),
  CONSTRAINT admissions_exit_complete CHECK ((exit_date IS NULL) = (exit_reason IS NULL)),
  UNIQUE (institution_id, registration_number)
);
-- One open admission per person at a time.
CREATE UNIQUE INDEX admissions_one_open_per_person ON beneficiaries.admissions (person_id) WHERE exit_date IS NULL;
CREATE INDEX admissions_register_idx ON beneficiaries.admissions (institution_id, registration_year DESC, registration_number DESC, id);
CREATE INDEX admissions_open_idx ON beneficiaries.admissions (institution_id, admission_date) WHERE exit_date IS NULL;
CREATE INDEX admissions_person_idx ON beneficiaries.admissions (person_id, admission_date DESC);
CREATE INDEX admissions_case_idx ON beneficiaries.admissions (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX admissions_delegation_idx ON beneficiaries.admissions (delegation_id, admission_date DESC, id);

CREATE FUNCTION beneficiaries.fill_admission_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT i.region_id, i.delegation_id, i.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
  FROM registry.institutions i WHERE i.id = NEW.institution_id;
  IF TG_OP = 'INSERT' AND NEW.registration_number IS NULL THEN
    NEW.registration_year := coalesce(NEW.registration_year, extract(year FROM NEW.admission_date)::int);
    NEW.registration_number := NEW.registration_year || '/'
      || lpad(beneficiaries.next_number(NEW.institution_id, 'registration', NEW.registration_year)::text, 4, '0');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER admissions_fill_keys BEFORE INSERT OR UPDATE OF institution_id ON beneficiaries.admissions
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_admission_keys();

-- Sensitive data (law 09-08 arts. 1, 21, 24), apart from everything else. Keys copied from the person.
CREATE TABLE beneficiaries.health_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  admission_id uuid REFERENCES beneficiaries.admissions(id),
  -- The register's "health status" (decree 2.19.693 art. 11).
  status text NOT NULL CHECK (status IN ('good', 'chronic_illness', 'acute_illness', 'under_treatment', 'hospitalised', 'other')),
  details text CHECK (length(details) <= 4000),
  recorded_on date NOT NULL DEFAULT (now() AT TIME ZONE 'Africa/Casablanca')::date,
  recorded_by uuid REFERENCES access.users(id),
  region_id uuid, delegation_id uuid, association_id uuid, institution_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX health_records_person_idx ON beneficiaries.health_records (person_id, recorded_on DESC);

CREATE TABLE beneficiaries.disabilities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('physical', 'mental', 'intellectual', 'visual', 'hearing', 'autism', 'multiple')),
  degree text CHECK (degree IN ('mild', 'moderate', 'severe', 'profound')),
  card_number text CHECK (length(card_number) BETWEEN 1 AND 40),
  since date,
  details text CHECK (length(details) <= 4000),
  recorded_by uuid REFERENCES access.users(id),
  region_id uuid, delegation_id uuid, association_id uuid, institution_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX disabilities_person_idx ON beneficiaries.disabilities (person_id, kind);

-- Violence suffered and court orders (placement, protection), which are as sensitive.
CREATE TABLE beneficiaries.protection_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  case_id uuid REFERENCES beneficiaries.cases(id),
  kind text NOT NULL CHECK (kind IN ('physical_violence', 'psychological_violence', 'sexual_violence', 'economic_violence',
    'neglect', 'exploitation', 'court_placement_order', 'protection_order')),
  occurred_on date,
  perpetrator_relation text CHECK (perpetrator_relation IN ('spouse', 'former_spouse', 'parent', 'relative', 'employer',
    'acquaintance', 'stranger', 'unknown')),
  complaint_filed boolean,
  court_reference text CHECK (length(court_reference) BETWEEN 1 AND 120),
  details text CHECK (length(details) <= 4000),
  recorded_by uuid REFERENCES access.users(id),
  region_id uuid, delegation_id uuid, association_id uuid, institution_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX protection_records_person_idx ON beneficiaries.protection_records (person_id, occurred_on DESC);

CREATE TRIGGER health_records_fill_keys BEFORE INSERT OR UPDATE OF person_id ON beneficiaries.health_records
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_person_child_keys();
CREATE TRIGGER disabilities_fill_keys BEFORE INSERT OR UPDATE OF person_id ON beneficiaries.disabilities
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_person_child_keys();
CREATE TRIGGER protection_records_fill_keys BEFORE INSERT OR UPDATE OF person_id ON beneficiaries.protection_records
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_person_child_keys();

-- Touch and audit. Sensitive rows are audited without their content (details): the log records
-- who entered or changed what and when (law 09-08 art. 24) without copying health or violence
-- details into a log that administrators read.
CREATE TRIGGER households_touch BEFORE UPDATE ON beneficiaries.households FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER persons_touch BEFORE UPDATE ON beneficiaries.persons FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER relatives_touch BEFORE UPDATE ON beneficiaries.relatives FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER cases_touch BEFORE UPDATE ON beneficiaries.cases FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER requests_touch BEFORE UPDATE ON beneficiaries.requests FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER referrals_touch BEFORE UPDATE ON beneficiaries.referrals FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER admissions_touch BEFORE UPDATE ON beneficiaries.admissions FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER health_records_touch BEFORE UPDATE ON beneficiaries.health_records FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER disabilities_touch BEFORE UPDATE ON beneficiaries.disabilities FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER protection_records_touch BEFORE UPDATE ON beneficiaries.protection_records FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TRIGGER households_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.households FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER persons_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.persons FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER relatives_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.relatives FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER cases_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.cases FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER requests_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.requests FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER referrals_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.referrals FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER admissions_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.admissions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER health_records_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.health_records FOR EACH ROW EXECUTE FUNCTION audit.capture('details', 'status');
CREATE TRIGGER disabilities_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.disabilities FOR EACH ROW EXECUTE FUNCTION audit.capture('details', 'kind', 'degree', 'card_number');
CREATE TRIGGER protection_records_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.protection_records FOR EACH ROW EXECUTE FUNCTION audit.capture('details', 'kind', 'perpetrator_relation', 'court_reference');

-- Row-level security.
ALTER TABLE beneficiaries.counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.households ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.relatives ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.referrals ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.admissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.health_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.disabilities ENABLE ROW LEVEL SECURITY;
ALTER TABLE beneficiaries.protection_records ENABLE ROW LEVEL SECURITY;

CREATE POLICY households_in_scope ON beneficiaries.households TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));

CREATE POLICY cases_in_scope ON beneficiaries.cases TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY requests_in_scope ON beneficiaries.requests TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
-- A referral is seen (and acted on) by the sending delegation and by the receiving institution's scope.
CREATE POLICY referrals_in_scope ON beneficiaries.referrals TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id)
    OR app.scope_allows(from_region_id, from_delegation_id, NULL, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id)
    OR app.scope_allows(from_region_id, from_delegation_id, NULL, NULL));
CREATE POLICY admissions_in_scope ON beneficiaries.admissions TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));

-- A person is seen by its holder's scope and by whoever sees one of its case files, referrals or
-- admissions (those policies apply inside the EXISTS). It is written by the same.
CREATE FUNCTION beneficiaries.person_visible(p_person uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT EXISTS (SELECT 1 FROM beneficiaries.admissions a WHERE a.person_id = p_person)
    OR EXISTS (SELECT 1 FROM beneficiaries.cases c WHERE c.person_id = p_person)
    OR EXISTS (SELECT 1 FROM beneficiaries.referrals r WHERE r.person_id = p_person)
$$;
CREATE POLICY persons_read ON beneficiaries.persons FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id) OR beneficiaries.person_visible(id));
CREATE POLICY persons_insert ON beneficiaries.persons FOR INSERT TO raaya_app
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY persons_update ON beneficiaries.persons FOR UPDATE TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id) OR beneficiaries.person_visible(id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id) OR beneficiaries.person_visible(id));

-- Rows that belong to a person follow the person's visibility (the persons policy applies inside).
CREATE POLICY relatives_with_person ON beneficiaries.relatives TO raaya_app
  USING (EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = relatives.person_id))
  WITH CHECK (EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = relatives.person_id));
CREATE POLICY health_records_sensitive ON beneficiaries.health_records TO raaya_app
  USING (beneficiaries.may_read_sensitive() AND EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = health_records.person_id))
  WITH CHECK (beneficiaries.may_read_sensitive() AND EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = health_records.person_id));
CREATE POLICY disabilities_sensitive ON beneficiaries.disabilities TO raaya_app
  USING (beneficiaries.may_read_sensitive() AND EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = disabilities.person_id))
  WITH CHECK (beneficiaries.may_read_sensitive() AND EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = disabilities.person_id));
CREATE POLICY protection_records_sensitive ON beneficiaries.protection_records TO raaya_app
  USING (beneficiaries.may_read_sensitive() AND EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = protection_records.person_id))
  WITH CHECK (beneficiaries.may_read_sensitive() AND EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = protection_records.person_id));

GRANT SELECT, INSERT, UPDATE ON beneficiaries.households, beneficiaries.persons, beneficiaries.cases,
  beneficiaries.requests, beneficiaries.referrals, beneficiaries.admissions TO raaya_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON beneficiaries.relatives, beneficiaries.health_records,
  beneficiaries.disabilities, beneficiaries.protection_records TO raaya_app;

-- Reads of case files and personal data (law 09-08 art. 24: a posteriori traceability). Append-only:
-- the application writes rows through beneficiaries.log_access() and never changes them; the
-- person's scope reads them, and only roles with the privacy duty (checked by the API).
CREATE TABLE beneficiaries.access_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid NOT NULL REFERENCES access.users(id),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  case_id uuid REFERENCES beneficiaries.cases(id),
  -- What was read: a case file, a person's record, an institution's register page, sensitive data, an export.
  action text NOT NULL CHECK (action IN ('case_file', 'person', 'register', 'sensitive', 'export')),
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid
);
CREATE INDEX access_log_person_idx ON beneficiaries.access_log (person_id, at DESC);
CREATE INDEX access_log_user_idx ON beneficiaries.access_log (user_id, at DESC);
ALTER TABLE beneficiaries.access_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_log_read ON beneficiaries.access_log FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id));
GRANT SELECT ON beneficiaries.access_log TO raaya_app;

-- Logs that the current user read these persons (one row each); keys from the persons' holders.
CREATE FUNCTION beneficiaries.log_access(p_persons uuid[], p_case uuid, p_action text) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO beneficiaries.access_log (user_id, person_id, case_id, action, region_id, delegation_id, association_id, institution_id)
  SELECT app.current_user_id(), p.id, p_case, p_action, p.region_id, p.delegation_id, p.association_id, p.institution_id
  FROM beneficiaries.persons p WHERE p.id = ANY(p_persons) AND app.current_user_id() IS NOT NULL
$$;
REVOKE ALL ON FUNCTION beneficiaries.log_access(uuid[], uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.log_access(uuid[], uuid, text) TO raaya_app;

-- National look-up of the same identifiers (CNIE, IDCS) in every delegation: ids, holders and
-- reasons only, never personal data (the caller reads what it may see under its own RLS).
CREATE FUNCTION beneficiaries.match_exact(p_cnie text, p_idcs text, p_exclude uuid)
RETURNS TABLE (person_id uuid, score numeric, reasons text[], delegation_id uuid, delegation_name_ar text, delegation_name_fr text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT p.id, 1.0, array_remove(ARRAY[CASE WHEN p.cnie = p_cnie THEN 'cnie' END, CASE WHEN p.idcs = p_idcs THEN 'idcs' END], NULL),
    d.id, d.name_ar, d.name_fr
  FROM beneficiaries.persons p JOIN organisation.delegations d ON d.id = p.delegation_id
  WHERE (p.cnie = p_cnie OR p.idcs = p_idcs) AND p.merged_into IS NULL AND p.id IS DISTINCT FROM p_exclude
    AND app.current_user_id() IS NOT NULL
  LIMIT 20
$$;
REVOKE ALL ON FUNCTION beneficiaries.match_exact(text, text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.match_exact(text, text, uuid) TO raaya_app;
