-- Issue 7: the public directory. A delegation chooses which of its institutions are public and
-- which of their fields; the public site reads only through directory.public_listings(), which
-- returns the chosen fields of published, operating institutions and nothing else (never a
-- beneficiary). Every change that can alter a public page moves one counter, which the site
-- watches to refresh its in-memory copy (decision 0023).
CREATE SCHEMA directory;
GRANT USAGE ON SCHEMA directory TO raaya_app;

CREATE TABLE directory.publications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL UNIQUE REFERENCES registry.institutions(id) ON DELETE CASCADE,
  published boolean NOT NULL DEFAULT false,
  -- The optional fields shown; names, category and services are always shown once published.
  public_fields text[] NOT NULL DEFAULT ARRAY['address', 'phone', 'hours', 'capacity', 'position', 'licence']
    CHECK (public_fields <@ ARRAY['address', 'phone', 'email', 'hours', 'capacity', 'availability', 'position', 'licence']::text[]),
  opening_hours_ar text CHECK (length(opening_hours_ar) BETWEEN 1 AND 200),
  opening_hours_fr text CHECK (length(opening_hours_fr) BETWEEN 1 AND 200),
  -- Place availability, when the institution publishes it.
  availability text CHECK (availability IN ('available', 'limited', 'full')),
  places_available int CHECK (places_available BETWEEN 0 AND 10000),
  availability_updated_at timestamptz,
  published_at timestamptz,
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT publications_places_need_availability CHECK (places_available IS NULL OR availability IS NOT NULL),
  CONSTRAINT publications_published_dated CHECK (NOT published OR published_at IS NOT NULL)
);
CREATE INDEX publications_delegation_idx ON directory.publications (delegation_id, institution_id);
CREATE INDEX publications_published_idx ON directory.publications (institution_id) WHERE published;

CREATE TRIGGER publications_fill_keys BEFORE INSERT OR UPDATE ON directory.publications
  FOR EACH ROW EXECUTE FUNCTION registry.fill_institution_child_keys();
CREATE TRIGGER publications_touch BEFORE UPDATE ON directory.publications FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER publications_audit AFTER INSERT OR UPDATE OR DELETE ON directory.publications FOR EACH ROW EXECUTE FUNCTION audit.capture();

-- An institution that moves carries its publication's scope keys along.
CREATE FUNCTION directory.cascade_institution_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE directory.publications SET region_id = NEW.region_id, delegation_id = NEW.delegation_id, association_id = NEW.association_id
  WHERE institution_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER institutions_cascade_publication_keys AFTER UPDATE OF region_id, delegation_id, association_id ON registry.institutions
  FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.delegation_id IS DISTINCT FROM NEW.delegation_id
    OR OLD.association_id IS DISTINCT FROM NEW.association_id)
  EXECUTE FUNCTION directory.cascade_institution_keys();

ALTER TABLE directory.publications ENABLE ROW LEVEL SECURITY;
CREATE POLICY publications_in_scope ON directory.publications TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
GRANT SELECT ON directory.publications TO raaya_app;
GRANT INSERT (institution_id, published, public_fields, opening_hours_ar, opening_hours_fr, availability, places_available,
  availability_updated_at, published_at),
  UPDATE (published, public_fields, opening_hours_ar, opening_hours_fr, availability, places_available, availability_updated_at, published_at)
  ON directory.publications TO raaya_app;

-- The counter the public site watches. A sequence, so that bumping it takes no row lock and a
-- busy registry never waits on it; a rolled-back change bumps it too, which only costs a reload.
CREATE SEQUENCE directory.version;
CREATE FUNCTION directory.bump_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM nextval('directory.version');
  RETURN NULL;
END $$;
CREATE TRIGGER publications_bump AFTER INSERT OR UPDATE OR DELETE ON directory.publications
  FOR EACH STATEMENT EXECUTE FUNCTION directory.bump_version();
CREATE TRIGGER institutions_bump_directory AFTER INSERT OR UPDATE OR DELETE ON registry.institutions
  FOR EACH STATEMENT EXECUTE FUNCTION directory.bump_version();
CREATE TRIGGER institution_services_bump_directory AFTER INSERT OR UPDATE OR DELETE ON registry.institution_services
  FOR EACH STATEMENT EXECUTE FUNCTION directory.bump_version();

CREATE FUNCTION directory.current_version() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT last_value FROM directory.version
$$;

-- Institutions that may appear: published, and not refused, suspended, withdrawn or closed.
CREATE FUNCTION directory.is_operating(p_status text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p_status IN ('pending', 'authorised', 'closing')
$$;

-- What the public may see, for every published institution: only the chosen fields (NULL when not
-- chosen). SECURITY DEFINER because the public site has no account and so no scope.
CREATE FUNCTION directory.public_listings() RETURNS TABLE (
  id uuid, name_ar text, name_fr text, search_key text, legal_category text, centre_type text,
  target_groups text[], services text[], sex_served text, area text, mode text,
  region_id uuid, region_code text, region_name_ar text, region_name_fr text,
  province_id uuid, province_code text, province_name_ar text, province_name_fr text,
  commune_id uuid, commune_name_ar text, commune_name_fr text, commune_key text,
  address_ar text, address_fr text, phone text, email text, opening_hours_ar text, opening_hours_fr text,
  capacity_total int, availability text, places_available int, availability_updated_at timestamptz,
  latitude double precision, longitude double precision, licence_number text, licence_date date, updated_at timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT i.id, i.name_ar, i.name_fr, i.search_key, i.legal_category, i.centre_type,
    i.target_groups, coalesce((SELECT array_agg(s.service ORDER BY s.service) FROM registry.institution_services s WHERE s.institution_id = i.id), '{}'),
    i.sex_served, i.area, i.mode,
    r.id, r.code, r.name_ar, r.name_fr, p.id, p.code, p.name_ar, p.name_fr,
    c.id, c.name_ar, c.name_fr, app.fold_name(c.name_ar || ' ' || c.name_fr || ' ' || p.name_ar || ' ' || p.name_fr),
    CASE WHEN 'address' = ANY (pub.public_fields) THEN i.address_ar END,
    CASE WHEN 'address' = ANY (pub.public_fields) THEN i.address_fr END,
    CASE WHEN 'phone' = ANY (pub.public_fields) THEN i.phone END,
    CASE WHEN 'email' = ANY (pub.public_fields) THEN i.email END,
    CASE WHEN 'hours' = ANY (pub.public_fields) THEN pub.opening_hours_ar END,
    CASE WHEN 'hours' = ANY (pub.public_fields) THEN pub.opening_hours_fr END,
    CASE WHEN 'capacity' = ANY (pub.public_fields) THEN i.capacity_total END,
    CASE WHEN 'availability' = ANY (pub.public_fields) THEN pub.availability END,
    CASE WHEN 'availability' = ANY (pub.public_fields) THEN pub.places_available END,
    CASE WHEN 'availability' = ANY (pub.public_fields) THEN pub.availability_updated_at END,
    CASE WHEN 'position' = ANY (pub.public_fields) THEN i.latitude::double precision END,
    CASE WHEN 'position' = ANY (pub.public_fields) THEN i.longitude::double precision END,
    CASE WHEN 'licence' = ANY (pub.public_fields) THEN i.licence_number END,
    CASE WHEN 'licence' = ANY (pub.public_fields) THEN i.licence_date END,
    greatest(i.updated_at, pub.updated_at)
  FROM directory.publications pub
  JOIN registry.institutions i ON i.id = pub.institution_id
  JOIN territory.communes c ON c.id = i.commune_id
  JOIN territory.provinces p ON p.id = i.province_id
  JOIN territory.regions r ON r.id = i.region_id
  WHERE pub.published AND directory.is_operating(i.status)
$$;
REVOKE ALL ON FUNCTION directory.public_listings() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION directory.public_listings() TO raaya_app;
REVOKE ALL ON FUNCTION directory.current_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION directory.current_version() TO raaya_app;
