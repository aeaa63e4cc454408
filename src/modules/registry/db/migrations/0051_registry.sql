-- The registry (PRODUCT.md §2.1; law 65-15): associations and other founders, and the
-- institutions they found (social protection establishments and Entraide Nationale centres).
-- Every other module hangs on an institution. Scope keys: an institution carries its region,
-- delegation, association and its own id; app.scope_allows() sees it from the nation, its region,
-- its delegation, its founding association and itself. The licensing lifecycle (status, licence
-- number and date) is written only by the licensing part of this module (later migrations).

CREATE SCHEMA registry;
GRANT USAGE ON SCHEMA registry TO raaya_app;

-- A Moroccan RIB: 24 digits (bank 3, city 3, account 16, key 2); the whole number is 0 modulo 97.
CREATE FUNCTION registry.rib_is_valid(rib text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT rib ~ '^[0-9]{24}$' AND mod(rib::numeric, 97) = 0
$$;

-- Within Morocco's bounding box, southern provinces included.
CREATE FUNCTION registry.position_in_morocco(lat numeric, lon numeric) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (lat IS NULL AND lon IS NULL) OR (lat BETWEEN 20.7 AND 35.95 AND lon BETWEEN -17.2 AND -0.95)
$$;

CREATE TABLE registry.associations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  legal_form text NOT NULL CHECK (legal_form IN ('association', 'natural_person', 'public_body', 'private_company')),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 250),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 250),
  search_key text GENERATED ALWAYS AS (app.fold_name(name_ar || ' ' || name_fr)) STORED,
  -- Declaration receipt (وصل الإيداع) of an association; the CNIE or register number otherwise.
  receipt_number text CHECK (length(receipt_number) BETWEEN 1 AND 60),
  receipt_date date,
  board_renewal_date date,
  public_utility boolean NOT NULL DEFAULT false,
  rib text CHECK (rib IS NULL OR registry.rib_is_valid(rib)),
  bank_name text CHECK (length(bank_name) <= 120),
  address text CHECK (length(address) <= 300),
  commune_id uuid NOT NULL REFERENCES territory.communes(id),
  phone text CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  email text CHECK (length(email) <= 200 AND email LIKE '%@%'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'dissolved')),
  -- The seat's place: filled from the commune by a trigger (scope keys of the association);
  -- checked rather than NOT NULL so that writers need not (and may not) give them.
  province_id uuid REFERENCES territory.provinces(id) CONSTRAINT associations_province_filled CHECK (province_id IS NOT NULL),
  region_id uuid REFERENCES territory.regions(id) CONSTRAINT associations_region_filled CHECK (region_id IS NOT NULL),
  delegation_id uuid REFERENCES organisation.delegations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT associations_receipt_complete CHECK ((receipt_number IS NULL) = (receipt_date IS NULL))
);
CREATE INDEX associations_delegation_idx ON registry.associations (delegation_id, name_fr, id);
CREATE INDEX associations_region_idx ON registry.associations (region_id, name_fr, id);
CREATE INDEX associations_name_idx ON registry.associations (name_fr, id);
CREATE INDEX associations_search_trgm_idx ON registry.associations USING gin (search_key gin_trgm_ops);
CREATE INDEX associations_commune_idx ON registry.associations (commune_id);

CREATE TABLE registry.board_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES registry.associations(id) ON DELETE CASCADE,
  full_name_ar text CHECK (length(full_name_ar) BETWEEN 1 AND 160),
  full_name_fr text CHECK (length(full_name_fr) BETWEEN 1 AND 160),
  role text NOT NULL CHECK (role IN ('president', 'vice_president', 'secretary_general', 'deputy_secretary', 'treasurer', 'deputy_treasurer', 'adviser', 'member')),
  cnie text CHECK (cnie ~ '^[A-Z]{1,2}[0-9]{1,6}$'),
  phone text CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  mandate_start date NOT NULL,
  mandate_end date NOT NULL,
  region_id uuid,
  delegation_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT board_members_named CHECK (full_name_ar IS NOT NULL OR full_name_fr IS NOT NULL),
  CONSTRAINT board_members_mandate_order CHECK (mandate_end > mandate_start)
);
CREATE INDEX board_members_association_idx ON registry.board_members (association_id, role);

CREATE TABLE registry.institutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES registry.associations(id),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 250),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 250),
  name_key_ar text GENERATED ALWAYS AS (app.fold_name(name_ar)) STORED,
  name_key_fr text GENERATED ALWAYS AS (app.fold_name(name_fr)) STORED,
  search_key text GENERATED ALWAYS AS (app.fold_name(name_ar || ' ' || name_fr)) STORED,
  -- Law 65-15 art. 3 (NULL for a centre that is not a social protection establishment).
  legal_category text CHECK (legal_category IN ('kafala_children', 'child_protection', 'schooled_children',
    'disability', 'homeless_beggars', 'women_multipurpose', 'elderly', 'mobile_social_emergency')),
  -- The Entraide Nationale centre type, separate from the legal category.
  centre_type text CHECK (centre_type IN ('education_training_centre', 'kindergarten', 'apprenticeship_centre',
    'social_centre', 'womens_hostel', 'women_multifunctional_space', 'social_assistance_centre',
    'disability_orientation_centre', 'child_protection_unit', 'social_watch_cell', 'jisr_centre',
    'student_home', 'elderly_home', 'children_home', 'disability_centre', 'social_emergency_centre')),
  commune_id uuid NOT NULL REFERENCES territory.communes(id),
  address_ar text CHECK (length(address_ar) <= 300),
  address_fr text CHECK (length(address_fr) <= 300),
  latitude numeric(8, 6),
  longitude numeric(9, 6),
  area text NOT NULL CHECK (area IN ('urban', 'rural')),
  mode text NOT NULL CHECK (mode IN ('residential', 'day')),
  sex_served text NOT NULL CHECK (sex_served IN ('boys', 'girls', 'mixed')),
  -- Licensed capacity; the rooms table details it per room.
  capacity_male int NOT NULL DEFAULT 0 CHECK (capacity_male >= 0 AND capacity_male <= 5000),
  capacity_female int NOT NULL DEFAULT 0 CHECK (capacity_female >= 0 AND capacity_female <= 5000),
  capacity_total int GENERATED ALWAYS AS (capacity_male + capacity_female) STORED,
  target_groups text[] NOT NULL DEFAULT '{}' CHECK (target_groups <@ ARRAY['children', 'schooled_children',
    'abandoned_children', 'youth', 'women', 'women_in_difficulty', 'elderly', 'persons_with_disabilities',
    'homeless', 'families']::text[]),
  fee_mode text NOT NULL DEFAULT 'free' CHECK (fee_mode IN ('free', 'paid')),
  director_name_ar text CHECK (length(director_name_ar) BETWEEN 1 AND 160),
  director_name_fr text CHECK (length(director_name_fr) BETWEEN 1 AND 160),
  director_appointed_on date,
  -- The ministry's endorsement (تأشيرة) of the director (law 65-15 art. 20).
  director_endorsed_on date,
  phone text CHECK (phone ~ '^\+[1-9][0-9]{7,14}$'),
  email text CHECK (length(email) <= 200 AND email LIKE '%@%'),
  opened_on date,
  -- Licensing state (law 65-15 arts. 9-17, 30-32), written by the licensing steps only.
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'authorised', 'refused', 'suspended',
    'withdrawn_temporarily', 'withdrawn_permanently', 'closing', 'closed')),
  licence_number text CHECK (length(licence_number) BETWEEN 1 AND 60),
  licence_date date,
  -- Scope keys, filled from the commune by a trigger (checked, not NOT NULL: writers never give them).
  province_id uuid REFERENCES territory.provinces(id) CONSTRAINT institutions_province_filled CHECK (province_id IS NOT NULL),
  region_id uuid REFERENCES territory.regions(id) CONSTRAINT institutions_region_filled CHECK (region_id IS NOT NULL),
  delegation_id uuid REFERENCES organisation.delegations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT institutions_kind_given CHECK (legal_category IS NOT NULL OR centre_type IS NOT NULL),
  CONSTRAINT institutions_position_in_morocco CHECK (registry.position_in_morocco(latitude, longitude) AND (latitude IS NULL) = (longitude IS NULL)),
  -- Law 65-15 art. 6: services are free; only elderly and disability institutions may charge.
  CONSTRAINT institutions_paid_only_elderly_disability CHECK (fee_mode = 'free' OR coalesce(legal_category IN ('elderly', 'disability'), false)),
  CONSTRAINT institutions_capacity_matches_sex CHECK (
    (sex_served <> 'boys' OR capacity_female = 0) AND (sex_served <> 'girls' OR capacity_male = 0)),
  CONSTRAINT institutions_licence_complete CHECK ((licence_number IS NULL) = (licence_date IS NULL)),
  CONSTRAINT institutions_director_named CHECK (director_endorsed_on IS NULL OR director_name_ar IS NOT NULL OR director_name_fr IS NOT NULL)
);
-- A duplicate name in the same commune is refused, in either language (after folding).
CREATE UNIQUE INDEX institutions_commune_name_fr_key ON registry.institutions (commune_id, name_key_fr);
CREATE UNIQUE INDEX institutions_commune_name_ar_key ON registry.institutions (commune_id, name_key_ar);
-- Keyset lists per scope and sort (name, then id), and the filters.
CREATE INDEX institutions_name_idx ON registry.institutions (name_fr, id);
CREATE INDEX institutions_name_ar_idx ON registry.institutions (name_ar, id);
CREATE INDEX institutions_region_idx ON registry.institutions (region_id, name_fr, id);
CREATE INDEX institutions_delegation_idx ON registry.institutions (delegation_id, name_fr, id);
CREATE INDEX institutions_province_idx ON registry.institutions (province_id, name_fr, id);
CREATE INDEX institutions_association_idx ON registry.institutions (association_id, name_fr, id);
CREATE INDEX institutions_category_idx ON registry.institutions (legal_category, name_fr, id);
CREATE INDEX institutions_centre_type_idx ON registry.institutions (centre_type, name_fr, id);
CREATE INDEX institutions_status_idx ON registry.institutions (status, name_fr, id);
CREATE INDEX institutions_capacity_idx ON registry.institutions (capacity_total, id);
CREATE INDEX institutions_search_trgm_idx ON registry.institutions USING gin (search_key gin_trgm_ops);

-- Rooms and their licensed places (per sex), as in the building plans' descriptive file.
CREATE TABLE registry.rooms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('dormitory', 'bedroom', 'classroom', 'workshop', 'dining', 'other')),
  sex text NOT NULL CHECK (sex IN ('boys', 'girls', 'mixed')),
  area_m2 numeric(8, 2) CHECK (area_m2 > 0),
  places int NOT NULL CHECK (places >= 0 AND places <= 500),
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  UNIQUE (institution_id, name)
);

-- The 15 service types of law 65-15 art. 5, each permanent or temporary, full or partial.
CREATE TABLE registry.institution_services (
  institution_id uuid NOT NULL REFERENCES registry.institutions(id) ON DELETE CASCADE,
  service text NOT NULL CHECK (service IN ('reception', 'accommodation', 'feeding', 'orientation',
    'emergency_help', 'social_legal_assistance', 'social_mediation', 'educational_follow_up', 'training',
    'social_accompaniment', 'primary_health_care', 'medical_psychological_support', 'rehabilitation',
    'technical_aids', 'cultural_sport_leisure')),
  permanence text NOT NULL CHECK (permanence IN ('permanent', 'temporary')),
  extent text NOT NULL CHECK (extent IN ('full', 'partial')),
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  PRIMARY KEY (institution_id, service)
);
CREATE INDEX institution_services_service_idx ON registry.institution_services (service, institution_id);

-- Monitoring and control committee (law 65-15 arts. 24-25).
CREATE TABLE registry.committee_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id) ON DELETE CASCADE,
  seat text NOT NULL CHECK (seat IN ('founder_chair', 'commune_representative', 'staff_representative',
    'beneficiary_representative', 'family_representative', 'physician', 'director_advisory')),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 160),
  since date NOT NULL,
  until date,
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  CONSTRAINT committee_members_period CHECK (until IS NULL OR until > since)
);
CREATE INDEX committee_members_institution_idx ON registry.committee_members (institution_id, seat);

-- Scope keys: an association's from its commune; an institution's from its commune and founder;
-- the child rows copy their parent's.
CREATE FUNCTION registry.fill_place_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.province_id, c.region_id, c.delegation_id INTO NEW.province_id, NEW.region_id, NEW.delegation_id
  FROM territory.communes c WHERE c.id = NEW.commune_id;
  RETURN NEW;
END $$;
CREATE TRIGGER associations_fill_keys BEFORE INSERT OR UPDATE OF commune_id ON registry.associations
  FOR EACH ROW EXECUTE FUNCTION registry.fill_place_keys();
CREATE TRIGGER institutions_fill_keys BEFORE INSERT OR UPDATE OF commune_id ON registry.institutions
  FOR EACH ROW EXECUTE FUNCTION registry.fill_place_keys();

CREATE FUNCTION registry.fill_board_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a.region_id, a.delegation_id INTO NEW.region_id, NEW.delegation_id
  FROM registry.associations a WHERE a.id = NEW.association_id;
  RETURN NEW;
END $$;
CREATE TRIGGER board_members_fill_keys BEFORE INSERT OR UPDATE ON registry.board_members
  FOR EACH ROW EXECUTE FUNCTION registry.fill_board_keys();

CREATE FUNCTION registry.fill_institution_child_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT i.region_id, i.delegation_id, i.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
  FROM registry.institutions i WHERE i.id = NEW.institution_id;
  RETURN NEW;
END $$;
CREATE TRIGGER rooms_fill_keys BEFORE INSERT OR UPDATE ON registry.rooms
  FOR EACH ROW EXECUTE FUNCTION registry.fill_institution_child_keys();
CREATE TRIGGER institution_services_fill_keys BEFORE INSERT OR UPDATE ON registry.institution_services
  FOR EACH ROW EXECUTE FUNCTION registry.fill_institution_child_keys();
CREATE TRIGGER committee_members_fill_keys BEFORE INSERT OR UPDATE ON registry.committee_members
  FOR EACH ROW EXECUTE FUNCTION registry.fill_institution_child_keys();

-- When an institution moves (commune or founder), its child rows follow.
CREATE FUNCTION registry.cascade_institution_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE registry.rooms SET region_id = NEW.region_id, delegation_id = NEW.delegation_id, association_id = NEW.association_id WHERE institution_id = NEW.id;
  UPDATE registry.institution_services SET region_id = NEW.region_id, delegation_id = NEW.delegation_id, association_id = NEW.association_id WHERE institution_id = NEW.id;
  UPDATE registry.committee_members SET region_id = NEW.region_id, delegation_id = NEW.delegation_id, association_id = NEW.association_id WHERE institution_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER institutions_cascade_keys AFTER UPDATE OF region_id, delegation_id, association_id ON registry.institutions
  FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.delegation_id IS DISTINCT FROM NEW.delegation_id
    OR OLD.association_id IS DISTINCT FROM NEW.association_id)
  EXECUTE FUNCTION registry.cascade_institution_keys();

CREATE TRIGGER associations_touch BEFORE UPDATE ON registry.associations FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER board_members_touch BEFORE UPDATE ON registry.board_members FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER institutions_touch BEFORE UPDATE ON registry.institutions FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

-- 'self:' (0046): an association row is its own association_id, an institution its own institution_id,
-- so the record history of either reads its row and its children by one key.
CREATE TRIGGER associations_audit AFTER INSERT OR UPDATE OR DELETE ON registry.associations FOR EACH ROW EXECUTE FUNCTION audit.capture('self:association_id');
CREATE TRIGGER board_members_audit AFTER INSERT OR UPDATE OR DELETE ON registry.board_members FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER institutions_audit AFTER INSERT OR UPDATE OR DELETE ON registry.institutions FOR EACH ROW EXECUTE FUNCTION audit.capture('self:institution_id');
CREATE TRIGGER rooms_audit AFTER INSERT OR UPDATE OR DELETE ON registry.rooms FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER institution_services_audit AFTER INSERT OR UPDATE OR DELETE ON registry.institution_services FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER committee_members_audit AFTER INSERT OR UPDATE OR DELETE ON registry.committee_members FOR EACH ROW EXECUTE FUNCTION audit.capture();

-- Row-level security. An institution is seen from the nation, its region, its delegation, its
-- founding association and itself. An association is seen from its seat's scope and by whoever
-- sees one of its institutions (a delegation sees the founders of the institutions it oversees);
-- it is written only from its seat's scope or by itself.
ALTER TABLE registry.associations ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.board_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.institutions ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.rooms ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.institution_services ENABLE ROW LEVEL SECURITY;
ALTER TABLE registry.committee_members ENABLE ROW LEVEL SECURITY;

CREATE POLICY institutions_in_scope ON registry.institutions TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, id));
CREATE POLICY associations_read ON registry.associations FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, id, NULL)
    OR EXISTS (SELECT 1 FROM registry.institutions i WHERE i.association_id = associations.id));
CREATE POLICY associations_insert ON registry.associations FOR INSERT TO raaya_app
  WITH CHECK (app.scope_allows(region_id, delegation_id, id, NULL));
CREATE POLICY associations_update ON registry.associations FOR UPDATE TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, id, NULL));
CREATE POLICY board_members_read ON registry.board_members FOR SELECT TO raaya_app
  USING (EXISTS (SELECT 1 FROM registry.associations a WHERE a.id = board_members.association_id));
CREATE POLICY board_members_write ON registry.board_members FOR ALL TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY rooms_in_scope ON registry.rooms TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY institution_services_in_scope ON registry.institution_services TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY committee_members_in_scope ON registry.committee_members TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));

GRANT SELECT ON registry.associations, registry.board_members, registry.institutions, registry.rooms,
  registry.institution_services, registry.committee_members TO raaya_app;
GRANT INSERT (legal_form, name_ar, name_fr, receipt_number, receipt_date, board_renewal_date, public_utility, rib,
  bank_name, address, commune_id, phone, email) ON registry.associations TO raaya_app;
GRANT UPDATE (legal_form, name_ar, name_fr, receipt_number, receipt_date, board_renewal_date, public_utility, rib,
  bank_name, address, commune_id, phone, email, status) ON registry.associations TO raaya_app;
GRANT INSERT (association_id, full_name_ar, full_name_fr, role, cnie, phone, mandate_start, mandate_end),
  UPDATE (full_name_ar, full_name_fr, role, cnie, phone, mandate_start, mandate_end), DELETE
  ON registry.board_members TO raaya_app;
-- status, licence_number and licence_date are not granted: only the licensing steps write them.
GRANT INSERT (association_id, name_ar, name_fr, legal_category, centre_type, commune_id, address_ar, address_fr,
  latitude, longitude, area, mode, sex_served, capacity_male, capacity_female, target_groups, fee_mode,
  director_name_ar, director_name_fr, director_appointed_on, director_endorsed_on, phone, email, opened_on)
  ON registry.institutions TO raaya_app;
GRANT UPDATE (association_id, name_ar, name_fr, legal_category, centre_type, commune_id, address_ar, address_fr,
  latitude, longitude, area, mode, sex_served, capacity_male, capacity_female, target_groups, fee_mode,
  director_name_ar, director_name_fr, director_appointed_on, director_endorsed_on, phone, email, opened_on)
  ON registry.institutions TO raaya_app;
GRANT INSERT (institution_id, name, kind, sex, area_m2, places), UPDATE (name, kind, sex, area_m2, places), DELETE
  ON registry.rooms TO raaya_app;
GRANT INSERT (institution_id, service, permanence, extent), UPDATE (permanence, extent), DELETE
  ON registry.institution_services TO raaya_app;
GRANT INSERT (institution_id, seat, full_name, since, until), UPDATE (seat, full_name, since, until), DELETE
  ON registry.committee_members TO raaya_app;

-- Accounts at association and institution level point at real rows.
ALTER TABLE access.users ADD CONSTRAINT users_association_fkey FOREIGN KEY (association_id) REFERENCES registry.associations(id);
ALTER TABLE access.users ADD CONSTRAINT users_institution_fkey FOREIGN KEY (institution_id) REFERENCES registry.institutions(id);
