-- The dashboard's national and regional views (decision 0029): the year's counted tranches summed
-- per owner region and delegation, kept from subsidies.tranche_summary by a row trigger (the old
-- row's contribution taken away, the new one's added) in the same transaction. The nation's view of
-- a year reads ~100 rows instead of ~12,000 tranches (bench: 247 ms p95 before, under load).
-- Only what does not depend on the day is stored; the one figure that does (not fully paid and
-- already due) is the stored open count minus the tranches not yet due, read from a small index.

CREATE TABLE subsidies.dashboard_rollup (
  year int NOT NULL,
  region_id uuid,
  delegation_id uuid,
  committed_mad numeric(16, 2) NOT NULL DEFAULT 0,
  released_mad numeric(16, 2) NOT NULL DEFAULT 0,
  paid_mad numeric(16, 2) NOT NULL DEFAULT 0,
  justified_mad numeric(16, 2) NOT NULL DEFAULT 0,
  tranches int NOT NULL DEFAULT 0,
  -- Fully paid; of which on time (completion ≤ planned date); their delays summed in days.
  completed int NOT NULL DEFAULT 0,
  on_time int NOT NULL DEFAULT 0,
  delay_days bigint NOT NULL DEFAULT 0,
  conditions_delayed int NOT NULL DEFAULT 0,
  conditions_delay_days bigint NOT NULL DEFAULT 0,
  -- Not fully paid (due or not yet).
  open int NOT NULL DEFAULT 0,
  CONSTRAINT dashboard_rollup_key UNIQUE NULLS NOT DISTINCT (year, region_id, delegation_id)
);

-- The open tranches not yet due, per year and scope (the rest of the year at most).
CREATE INDEX tranche_summary_open_idx ON subsidies.tranche_summary (year, planned_on) INCLUDE (region_id, delegation_id, association_id)
  WHERE counted AND completed_on IS NULL;

CREATE FUNCTION subsidies.add_to_rollup(r subsidies.tranche_summary, sign int) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO subsidies.dashboard_rollup AS u (year, region_id, delegation_id, committed_mad, released_mad, paid_mad, justified_mad, tranches,
    completed, on_time, delay_days, conditions_delayed, conditions_delay_days, open)
  VALUES (r.year, r.region_id, r.delegation_id, sign * r.amount_mad, sign * CASE WHEN r.released THEN r.amount_mad ELSE 0 END,
    sign * r.paid_mad, sign * r.justified_mad, sign,
    sign * (r.completed_on IS NOT NULL)::int, sign * coalesce(r.completed_on <= r.planned_on, false)::int,
    sign * coalesce(r.completed_on - r.planned_on, 0),
    sign * (r.completed_on IS NOT NULL AND r.conditions_met_on IS NOT NULL)::int, sign * coalesce(r.completed_on - r.conditions_met_on, 0),
    sign * (r.completed_on IS NULL)::int)
  ON CONFLICT ON CONSTRAINT dashboard_rollup_key DO UPDATE SET
    committed_mad = u.committed_mad + excluded.committed_mad, released_mad = u.released_mad + excluded.released_mad,
    paid_mad = u.paid_mad + excluded.paid_mad, justified_mad = u.justified_mad + excluded.justified_mad, tranches = u.tranches + excluded.tranches,
    completed = u.completed + excluded.completed, on_time = u.on_time + excluded.on_time, delay_days = u.delay_days + excluded.delay_days,
    conditions_delayed = u.conditions_delayed + excluded.conditions_delayed, conditions_delay_days = u.conditions_delay_days + excluded.conditions_delay_days,
    open = u.open + excluded.open
$$;

CREATE FUNCTION subsidies.rollup_from_summary() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.counted THEN
    PERFORM subsidies.add_to_rollup(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.counted THEN
    PERFORM subsidies.add_to_rollup(NEW, 1);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER tranche_summary_rollup AFTER INSERT OR UPDATE OR DELETE ON subsidies.tranche_summary
  FOR EACH ROW EXECUTE FUNCTION subsidies.rollup_from_summary();

-- Tranches already summed before this migration.
INSERT INTO subsidies.dashboard_rollup (year, region_id, delegation_id, committed_mad, released_mad, paid_mad, justified_mad, tranches,
  completed, on_time, delay_days, conditions_delayed, conditions_delay_days, open)
SELECT year, region_id, delegation_id, sum(amount_mad), coalesce(sum(amount_mad) FILTER (WHERE released), 0), sum(paid_mad), sum(justified_mad), count(*),
  count(completed_on), count(*) FILTER (WHERE completed_on <= planned_on), coalesce(sum(completed_on - planned_on), 0),
  count(*) FILTER (WHERE completed_on IS NOT NULL AND conditions_met_on IS NOT NULL), coalesce(sum(completed_on - conditions_met_on), 0),
  count(*) FILTER (WHERE completed_on IS NULL)
FROM subsidies.tranche_summary WHERE counted GROUP BY year, region_id, delegation_id;

-- Seen like the tranches: the nation, the region, the delegation (a derived summary: not audited).
ALTER TABLE subsidies.dashboard_rollup ENABLE ROW LEVEL SECURITY;
CREATE POLICY dashboard_rollup_in_scope ON subsidies.dashboard_rollup FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, NULL, NULL));
GRANT SELECT ON subsidies.dashboard_rollup TO raaya_app;

-- The late list of one year (its rows sit apart from the other years' in the planned-date order).
CREATE INDEX tranche_summary_late_year_idx ON subsidies.tranche_summary (year, planned_on, tranche_id)
  WHERE counted AND (completed_on IS NULL OR completed_on > planned_on);
