-- Communes (PRODUCT.md §2.1: nation → regions → prefectures/provinces → communes). The 2015
-- reference file stops at provinces, so communes are kept here: loaded by the delegations that
-- cover their province (or the nation), and used by institutions, associations and addresses.
CREATE TABLE territory.communes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_id uuid NOT NULL REFERENCES territory.provinces(id),
  -- Filled from the province (and the delegation covering it) by a trigger: the scope keys of the
  -- row. Checked rather than NOT NULL so that writers need not (and may not) give them.
  region_id uuid REFERENCES territory.regions(id) CONSTRAINT communes_region_filled CHECK (region_id IS NOT NULL),
  delegation_id uuid REFERENCES organisation.delegations(id),
  -- Official geographic code when known (HCP), unique nationally.
  code text UNIQUE CHECK (code ~ '^[0-9]{2}\.[0-9]{3}\.[0-9]{2}\.[0-9]{2}$'),
  kind text NOT NULL CHECK (kind IN ('urban', 'rural')),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 160),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 160),
  name_key_ar text GENERATED ALWAYS AS (app.fold_name(name_ar)) STORED,
  name_key_fr text GENERATED ALWAYS AS (app.fold_name(name_fr)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Two communes of one province never share a name (in either language).
CREATE UNIQUE INDEX communes_province_name_fr_key ON territory.communes (province_id, name_key_fr);
CREATE UNIQUE INDEX communes_province_name_ar_key ON territory.communes (province_id, name_key_ar);
CREATE INDEX communes_delegation_idx ON territory.communes (delegation_id, name_fr);
CREATE INDEX communes_region_idx ON territory.communes (region_id, name_fr);
CREATE INDEX communes_name_trgm_idx ON territory.communes USING gin (name_key_fr gin_trgm_ops, name_key_ar gin_trgm_ops);

CREATE FUNCTION territory.fill_commune_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.region_id, dp.delegation_id INTO NEW.region_id, NEW.delegation_id
  FROM territory.provinces p LEFT JOIN organisation.delegation_provinces dp ON dp.province_id = p.id
  WHERE p.id = NEW.province_id;
  RETURN NEW;
END $$;
CREATE TRIGGER communes_fill_keys BEFORE INSERT OR UPDATE ON territory.communes
  FOR EACH ROW EXECUTE FUNCTION territory.fill_commune_keys();
CREATE TRIGGER communes_touch BEFORE UPDATE ON territory.communes FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER communes_audit AFTER INSERT OR UPDATE OR DELETE ON territory.communes FOR EACH ROW EXECUTE FUNCTION audit.capture();

-- Everyone reads communes (reference data); a delegation writes those of its provinces.
ALTER TABLE territory.communes ENABLE ROW LEVEL SECURITY;
CREATE POLICY communes_read ON territory.communes FOR SELECT TO raaya_app USING (true);
CREATE POLICY communes_insert ON territory.communes FOR INSERT TO raaya_app
  WITH CHECK (app.scope_allows(region_id, delegation_id, NULL, NULL));
CREATE POLICY communes_update ON territory.communes FOR UPDATE TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, NULL, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, NULL, NULL));
GRANT SELECT ON territory.communes TO raaya_app;
GRANT INSERT (province_id, code, kind, name_ar, name_fr) ON territory.communes TO raaya_app;
GRANT UPDATE (code, kind, name_ar, name_fr) ON territory.communes TO raaya_app;
