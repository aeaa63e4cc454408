-- The subsidies dashboard (decision 0029): one row of figures per tranche, kept by triggers in the
-- same transaction as the tranche, its disbursements, its justifications and its convention's
-- status, so that the dashboard and the late list read one flat, indexed table instead of summing
-- disbursements and reviews per tranche at every request. The figures use the shared definitions
-- (subsidies.paid_mad(), subsidies.justified_mad()); nothing here is entered by hand.
-- Like finance.monthly_totals, a derived summary: no audit trigger (its sources are audited).

CREATE TABLE subsidies.tranche_summary (
  tranche_id uuid PRIMARY KEY REFERENCES subsidies.tranches(id) ON DELETE CASCADE,
  convention_id uuid NOT NULL,
  owner_level text NOT NULL,
  year int NOT NULL,
  planned_on date NOT NULL,
  amount_mad numeric(14, 2) NOT NULL,
  -- In the figures: the tranche is not cancelled and its convention is approved, signed or closed.
  counted boolean NOT NULL,
  -- Released (or paid): the money was made available.
  released boolean NOT NULL,
  paid_mad numeric(14, 2) NOT NULL,
  justified_mad numeric(14, 2) NOT NULL,
  -- The day the tranche was fully paid: its paid_on, which the tranches part sets from the
  -- disbursement that completes it (decision 0027); NULL while not fully paid. Delays count to it.
  completed_on date,
  conditions_met_on date,
  region_id uuid, delegation_id uuid, association_id uuid
);

-- Dashboard: one year of a scope (nation: the year; region; delegation; association).
CREATE INDEX tranche_summary_year_idx ON subsidies.tranche_summary (year, region_id, delegation_id);
CREATE INDEX tranche_summary_delegation_idx ON subsidies.tranche_summary (delegation_id, year) WHERE delegation_id IS NOT NULL;
CREATE INDEX tranche_summary_association_idx ON subsidies.tranche_summary (association_id, year);
-- Late list (keyset on planned_on, tranche_id): only tranches that are or were late can match.
CREATE INDEX tranche_summary_late_idx ON subsidies.tranche_summary (planned_on, tranche_id)
  WHERE counted AND (completed_on IS NULL OR completed_on > planned_on);
CREATE INDEX tranche_summary_late_region_idx ON subsidies.tranche_summary (region_id, planned_on, tranche_id)
  WHERE counted AND (completed_on IS NULL OR completed_on > planned_on);
CREATE INDEX tranche_summary_late_delegation_idx ON subsidies.tranche_summary (delegation_id, planned_on, tranche_id)
  WHERE counted AND (completed_on IS NULL OR completed_on > planned_on);
CREATE INDEX tranche_summary_late_association_idx ON subsidies.tranche_summary (association_id, planned_on, tranche_id)
  WHERE counted AND (completed_on IS NULL OR completed_on > planned_on);

-- Recomputes the figures of the given tranches from their sources (set-based: bulk statements
-- refresh all their tranches at once). Runs as the owner: the app role cannot write the summary.
CREATE FUNCTION subsidies.refresh_tranche_summary(p_tranches uuid[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO subsidies.tranche_summary AS f (tranche_id, convention_id, owner_level, year, planned_on, amount_mad, counted, released,
    paid_mad, justified_mad, completed_on, conditions_met_on, region_id, delegation_id, association_id)
  SELECT t.id, t.convention_id, c.owner_level, t.year, t.planned_on, t.amount_mad,
         t.status <> 'cancelled' AND c.status IN ('approved', 'signed', 'closed'),
         t.status IN ('released', 'paid'),
         subsidies.paid_mad(t.id), subsidies.justified_mad(t.id),
         CASE WHEN t.status = 'paid' THEN t.paid_on END,
         t.conditions_met_on, t.region_id, t.delegation_id, t.association_id
  -- Joined to the ids (a hash join), not "= ANY (array)": a bulk statement passes tens of thousands.
  FROM (SELECT DISTINCT u.id FROM unnest(p_tranches) AS u(id)) ids
  JOIN subsidies.tranches t ON t.id = ids.id
  JOIN subsidies.conventions c ON c.id = t.convention_id
  ON CONFLICT (tranche_id) DO UPDATE SET
    owner_level = excluded.owner_level, year = excluded.year, planned_on = excluded.planned_on, amount_mad = excluded.amount_mad,
    counted = excluded.counted, released = excluded.released, paid_mad = excluded.paid_mad, justified_mad = excluded.justified_mad,
    completed_on = excluded.completed_on, conditions_met_on = excluded.conditions_met_on,
    region_id = excluded.region_id, delegation_id = excluded.delegation_id, association_id = excluded.association_id;
END $$;

-- Statement-level triggers with transition tables (one per event: PostgreSQL allows transition
-- tables on single-event triggers only).
CREATE FUNCTION subsidies.figures_from_tranches() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM subsidies.refresh_tranche_summary(ARRAY(SELECT n.id FROM changed_tranches n));
  RETURN NULL;
END $$;
CREATE TRIGGER tranches_figures_inserted AFTER INSERT ON subsidies.tranches
  REFERENCING NEW TABLE AS changed_tranches FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_tranches();
CREATE TRIGGER tranches_figures_updated AFTER UPDATE ON subsidies.tranches
  REFERENCING NEW TABLE AS changed_tranches FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_tranches();

CREATE FUNCTION subsidies.figures_from_children() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM subsidies.refresh_tranche_summary(ARRAY(SELECT DISTINCT n.tranche_id FROM changed_rows n));
  RETURN NULL;
END $$;
CREATE TRIGGER disbursements_figures_inserted AFTER INSERT ON subsidies.disbursements
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_children();
CREATE TRIGGER disbursements_figures_updated AFTER UPDATE ON subsidies.disbursements
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_children();
CREATE TRIGGER disbursements_figures_deleted AFTER DELETE ON subsidies.disbursements
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_children();
CREATE TRIGGER justifications_figures_inserted AFTER INSERT ON subsidies.justifications
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_children();
CREATE TRIGGER justifications_figures_updated AFTER UPDATE ON subsidies.justifications
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_children();
CREATE TRIGGER justifications_figures_deleted AFTER DELETE ON subsidies.justifications
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_children();

-- A convention approved, signed, closed or cancelled brings its tranches into (or out of) the figures.
CREATE FUNCTION subsidies.figures_from_conventions() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM subsidies.refresh_tranche_summary(ARRAY(
    SELECT t.id FROM changed_conventions n JOIN previous_conventions o ON o.id = n.id
    JOIN subsidies.tranches t ON t.convention_id = n.id
    WHERE n.status IS DISTINCT FROM o.status OR n.owner_level IS DISTINCT FROM o.owner_level));
  RETURN NULL;
END $$;
CREATE TRIGGER conventions_figures_updated AFTER UPDATE ON subsidies.conventions
  REFERENCING OLD TABLE AS previous_conventions NEW TABLE AS changed_conventions FOR EACH STATEMENT EXECUTE FUNCTION subsidies.figures_from_conventions();

ALTER TABLE subsidies.tranche_summary ENABLE ROW LEVEL SECURITY;
CREATE POLICY tranche_summary_in_scope ON subsidies.tranche_summary FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL));
GRANT SELECT ON subsidies.tranche_summary TO raaya_app;
