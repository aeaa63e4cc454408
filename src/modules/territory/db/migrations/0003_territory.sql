-- Territory (2015 division: 12 regions, 75 prefectures and provinces) and the Entraide Nationale
-- organisation mapped onto it: one regional coordination per region, provincial delegations each
-- covering one or more prefectures/provinces. Reference rows are loaded from
-- morocco-territory-2015.json by the migration runner (territory/db/reference.ts).

CREATE SCHEMA territory;
GRANT USAGE ON SCHEMA territory TO raaya_app;

CREATE TABLE territory.regions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{2}$'),
  iso_code text NOT NULL UNIQUE,
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 160),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 160),
  seat_fr text
);

CREATE TABLE territory.provinces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{2}\.[0-9]{3}$'),
  iso_code text UNIQUE,
  kind text NOT NULL CHECK (kind IN ('prefecture', 'province')),
  region_id uuid NOT NULL REFERENCES territory.regions(id),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 160),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 160)
);
CREATE INDEX provinces_region_idx ON territory.provinces (region_id, code);

-- Reference data: readable by every request, written only by migrations (no grant to the app).
ALTER TABLE territory.regions ENABLE ROW LEVEL SECURITY;
ALTER TABLE territory.provinces ENABLE ROW LEVEL SECURITY;
CREATE POLICY regions_read ON territory.regions FOR SELECT TO raaya_app USING (true);
CREATE POLICY provinces_read ON territory.provinces FOR SELECT TO raaya_app USING (true);
GRANT SELECT ON territory.regions, territory.provinces TO raaya_app;

CREATE SCHEMA organisation;
GRANT USAGE ON SCHEMA organisation TO raaya_app;

CREATE TABLE organisation.coordinations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL UNIQUE REFERENCES territory.regions(id),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 160),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 160),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisation.delegations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 20),
  region_id uuid NOT NULL REFERENCES territory.regions(id),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 160),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 160),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- lets composite foreign keys pin a delegation to its region
  UNIQUE (id, region_id)
);
CREATE INDEX delegations_region_idx ON organisation.delegations (region_id, code);
CREATE INDEX delegations_name_trgm_idx ON organisation.delegations USING gin (name_fr gin_trgm_ops, name_ar gin_trgm_ops);

-- Which delegation covers each prefecture/province: exactly one, in the same region.
CREATE TABLE organisation.delegation_provinces (
  province_id uuid PRIMARY KEY REFERENCES territory.provinces(id),
  delegation_id uuid NOT NULL,
  region_id uuid NOT NULL,
  FOREIGN KEY (delegation_id, region_id) REFERENCES organisation.delegations(id, region_id)
);
CREATE INDEX delegation_provinces_delegation_idx ON organisation.delegation_provinces (delegation_id);

CREATE FUNCTION organisation.check_province_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM territory.provinces p WHERE p.id = NEW.province_id AND p.region_id = NEW.region_id) THEN
    RAISE EXCEPTION 'province % is not in region %', NEW.province_id, NEW.region_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'delegation_province_same_region';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER delegation_provinces_same_region BEFORE INSERT OR UPDATE ON organisation.delegation_provinces
  FOR EACH ROW EXECUTE FUNCTION organisation.check_province_region();

-- The organisation chart is public knowledge: everyone reads it. Changes stay inside the scope:
-- a region edits its own delegations, a delegation only itself.
ALTER TABLE organisation.coordinations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation.delegations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation.delegation_provinces ENABLE ROW LEVEL SECURITY;

CREATE POLICY coordinations_read ON organisation.coordinations FOR SELECT USING (true);
CREATE POLICY coordinations_write ON organisation.coordinations FOR UPDATE TO raaya_app
  USING (app.scope_allows(region_id, NULL, NULL, NULL)) WITH CHECK (app.scope_allows(region_id, NULL, NULL, NULL));
CREATE POLICY delegations_read ON organisation.delegations FOR SELECT USING (true);
CREATE POLICY delegations_write ON organisation.delegations FOR UPDATE TO raaya_app
  USING (app.scope_allows(region_id, id, NULL, NULL)) WITH CHECK (app.scope_allows(region_id, id, NULL, NULL));
CREATE POLICY delegation_provinces_read ON organisation.delegation_provinces FOR SELECT USING (true);
CREATE POLICY delegation_provinces_write ON organisation.delegation_provinces FOR UPDATE TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, NULL, NULL)) WITH CHECK (app.scope_allows(region_id, NULL, NULL, NULL));

GRANT SELECT ON organisation.coordinations, organisation.delegations, organisation.delegation_provinces TO raaya_app;
GRANT UPDATE (name_ar, name_fr) ON organisation.coordinations, organisation.delegations TO raaya_app;
GRANT UPDATE (delegation_id) ON organisation.delegation_provinces TO raaya_app;

CREATE TRIGGER coordinations_touch BEFORE UPDATE ON organisation.coordinations FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER delegations_touch BEFORE UPDATE ON organisation.delegations FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TRIGGER coordinations_audit AFTER INSERT OR UPDATE OR DELETE ON organisation.coordinations FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER delegations_audit AFTER INSERT OR UPDATE OR DELETE ON organisation.delegations FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER delegation_provinces_audit AFTER INSERT OR UPDATE OR DELETE ON organisation.delegation_provinces FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER regions_audit AFTER INSERT OR UPDATE OR DELETE ON territory.regions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER provinces_audit AFTER INSERT OR UPDATE OR DELETE ON territory.provinces FOR EACH ROW EXECUTE FUNCTION audit.capture();
