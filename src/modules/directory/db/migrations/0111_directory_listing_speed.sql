-- Measured on 5,000 published institutions (docs/benchmarks.md, issue 7): public_listings() spent
-- about 40% of its time folding the same commune and province names once per institution, and
-- a tenth in a correlated sub-query per institution for its services. Each is now done once: names
-- folded once per commune, services aggregated in one pass.
-- The version also moved on any change to any institution, emptying the public site's page cache
-- and reloading its copy for edits nobody can see; it now moves only when a published institution
-- (or its services) changes. Transition tables let one statement-level trigger see the rows.
CREATE OR REPLACE FUNCTION directory.public_listings() RETURNS TABLE (
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
  WITH shown AS MATERIALIZED (
    SELECT i.*, pub.public_fields, pub.opening_hours_ar, pub.opening_hours_fr, pub.availability, pub.places_available,
      pub.availability_updated_at, pub.updated_at AS publication_updated_at
    FROM directory.publications pub
    JOIN registry.institutions i ON i.id = pub.institution_id
    WHERE pub.published AND directory.is_operating(i.status)
  ), places AS MATERIALIZED (
    SELECT c.id, c.name_ar, c.name_fr, app.fold_name(c.name_ar || ' ' || c.name_fr || ' ' || p.name_ar || ' ' || p.name_fr) AS key
    FROM territory.communes c JOIN territory.provinces p ON p.id = c.province_id
    WHERE c.id IN (SELECT commune_id FROM shown)
  ), offered AS MATERIALIZED (
    SELECT s.institution_id, array_agg(s.service ORDER BY s.service) AS services
    FROM registry.institution_services s WHERE s.institution_id IN (SELECT shown.id FROM shown)
    GROUP BY s.institution_id
  )
  SELECT i.id, i.name_ar, i.name_fr, i.search_key, i.legal_category, i.centre_type,
    i.target_groups, coalesce(o.services, '{}'), i.sex_served, i.area, i.mode,
    r.id, r.code, r.name_ar, r.name_fr, p.id, p.code, p.name_ar, p.name_fr,
    c.id, c.name_ar, c.name_fr, c.key,
    CASE WHEN 'address' = ANY (i.public_fields) THEN i.address_ar END,
    CASE WHEN 'address' = ANY (i.public_fields) THEN i.address_fr END,
    CASE WHEN 'phone' = ANY (i.public_fields) THEN i.phone END,
    CASE WHEN 'email' = ANY (i.public_fields) THEN i.email END,
    CASE WHEN 'hours' = ANY (i.public_fields) THEN i.opening_hours_ar END,
    CASE WHEN 'hours' = ANY (i.public_fields) THEN i.opening_hours_fr END,
    CASE WHEN 'capacity' = ANY (i.public_fields) THEN i.capacity_total END,
    CASE WHEN 'availability' = ANY (i.public_fields) THEN i.availability END,
    CASE WHEN 'availability' = ANY (i.public_fields) THEN i.places_available END,
    CASE WHEN 'availability' = ANY (i.public_fields) THEN i.availability_updated_at END,
    CASE WHEN 'position' = ANY (i.public_fields) THEN i.latitude::double precision END,
    CASE WHEN 'position' = ANY (i.public_fields) THEN i.longitude::double precision END,
    CASE WHEN 'licence' = ANY (i.public_fields) THEN i.licence_number END,
    CASE WHEN 'licence' = ANY (i.public_fields) THEN i.licence_date END,
    greatest(i.updated_at, i.publication_updated_at)
  FROM shown i
  JOIN places c ON c.id = i.commune_id
  JOIN territory.provinces p ON p.id = i.province_id
  JOIN territory.regions r ON r.id = i.region_id
  LEFT JOIN offered o ON o.institution_id = i.id
$$;

-- Bumps only when one of the statement's rows (old or new) is a published institution's.
CREATE FUNCTION directory.bump_if_published() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  touched boolean;
BEGIN
  IF TG_TABLE_NAME = 'institutions' THEN
    SELECT EXISTS (SELECT 1 FROM changed_rows c JOIN directory.publications pub ON pub.institution_id = c.id WHERE pub.published) INTO touched;
  ELSE
    SELECT EXISTS (SELECT 1 FROM changed_rows c JOIN directory.publications pub ON pub.institution_id = c.institution_id WHERE pub.published) INTO touched;
  END IF;
  IF touched THEN
    PERFORM nextval('directory.version');
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER institutions_bump_directory ON registry.institutions;
DROP TRIGGER institution_services_bump_directory ON registry.institution_services;
-- A new institution has no publication yet, and a deleted one takes its publication (which bumps) along.
CREATE TRIGGER institutions_bump_directory AFTER UPDATE ON registry.institutions
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION directory.bump_if_published();
CREATE TRIGGER institution_services_added_bump_directory AFTER INSERT ON registry.institution_services
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION directory.bump_if_published();
CREATE TRIGGER institution_services_changed_bump_directory AFTER UPDATE ON registry.institution_services
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION directory.bump_if_published();
CREATE TRIGGER institution_services_removed_bump_directory AFTER DELETE ON registry.institution_services
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION directory.bump_if_published();
