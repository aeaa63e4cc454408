-- The consolidations' summaries (decision 0032): one row per institution and year with the actuals
-- by section, and one row per budget with its revenue and expenditure totals. Both are kept by
-- triggers in the transaction that changes their source (yearly totals, budget amounts), so a
-- national consolidation reads about 5,000 + 5,000 rows a year and is never stale.

CREATE TABLE finance.institution_year_totals (
  institution_id uuid NOT NULL,
  year int NOT NULL,
  revenue_mad numeric(16, 2) NOT NULL DEFAULT 0,
  expenditure_mad numeric(16, 2) NOT NULL DEFAULT 0,
  operating_mad numeric(16, 2) NOT NULL DEFAULT 0,
  equipment_mad numeric(16, 2) NOT NULL DEFAULT 0,
  staff_mad numeric(16, 2) NOT NULL DEFAULT 0,
  food_mad numeric(16, 2) NOT NULL DEFAULT 0,
  region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (institution_id, year)
);
CREATE INDEX institution_year_totals_scope_idx ON finance.institution_year_totals (year, region_id, delegation_id);

-- The line's kind, section and food flag decide the columns a change of a line's yearly total adds to.
CREATE FUNCTION finance.carry_to_institution_year() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  delta numeric := NEW.amount_mad - CASE TG_OP WHEN 'UPDATE' THEN OLD.amount_mad ELSE 0 END;
  l record;
BEGIN
  IF delta = 0 THEN
    RETURN NULL;
  END IF;
  SELECT kind, section, is_food INTO l FROM finance.budget_lines WHERE code = NEW.line_code;
  INSERT INTO finance.institution_year_totals AS t (institution_id, year, revenue_mad, expenditure_mad, operating_mad, equipment_mad, staff_mad, food_mad,
    region_id, delegation_id, association_id)
  VALUES (NEW.institution_id, NEW.year,
    CASE WHEN l.kind = 'revenue' THEN delta ELSE 0 END, CASE WHEN l.kind = 'expenditure' THEN delta ELSE 0 END,
    CASE WHEN l.section = 'operating' THEN delta ELSE 0 END, CASE WHEN l.section = 'equipment' THEN delta ELSE 0 END,
    CASE WHEN l.section = 'staff' THEN delta ELSE 0 END, CASE WHEN l.is_food THEN delta ELSE 0 END,
    NEW.region_id, NEW.delegation_id, NEW.association_id)
  ON CONFLICT (institution_id, year) DO UPDATE SET
    revenue_mad = t.revenue_mad + excluded.revenue_mad, expenditure_mad = t.expenditure_mad + excluded.expenditure_mad,
    operating_mad = t.operating_mad + excluded.operating_mad, equipment_mad = t.equipment_mad + excluded.equipment_mad,
    staff_mad = t.staff_mad + excluded.staff_mad, food_mad = t.food_mad + excluded.food_mad;
  RETURN NULL;
END $$;
CREATE TRIGGER yearly_totals_to_institution_year AFTER INSERT OR UPDATE OF amount_mad ON finance.yearly_totals
  FOR EACH ROW EXECUTE FUNCTION finance.carry_to_institution_year();

INSERT INTO finance.institution_year_totals (institution_id, year, revenue_mad, expenditure_mad, operating_mad, equipment_mad, staff_mad, food_mad,
  region_id, delegation_id, association_id)
SELECT y.institution_id, y.year,
  coalesce(sum(y.amount_mad) FILTER (WHERE l.kind = 'revenue'), 0), coalesce(sum(y.amount_mad) FILTER (WHERE l.kind = 'expenditure'), 0),
  coalesce(sum(y.amount_mad) FILTER (WHERE l.section = 'operating'), 0), coalesce(sum(y.amount_mad) FILTER (WHERE l.section = 'equipment'), 0),
  coalesce(sum(y.amount_mad) FILTER (WHERE l.section = 'staff'), 0), coalesce(sum(y.amount_mad) FILTER (WHERE l.is_food), 0),
  min(y.region_id::text)::uuid, min(y.delegation_id::text)::uuid, min(y.association_id::text)::uuid
FROM finance.yearly_totals y JOIN finance.budget_lines l ON l.code = y.line_code
GROUP BY y.institution_id, y.year;

-- A chart line used by the books keeps its kind, section and food flag: the summaries were added
-- under them (a different classification is a new line).
CREATE FUNCTION finance.refuse_used_line_reclassification() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF (NEW.kind, NEW.section, NEW.is_food) IS DISTINCT FROM (OLD.kind, OLD.section, OLD.is_food)
     AND EXISTS (SELECT 1 FROM finance.yearly_totals WHERE line_code = OLD.code) THEN
    RAISE EXCEPTION 'line % is used by the books; its classification is kept', OLD.code
      USING ERRCODE = 'RA409', HINT = 'finance.errors.line_in_use';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER budget_lines_classification_kept BEFORE UPDATE OF kind, section, is_food ON finance.budget_lines
  FOR EACH ROW EXECUTE FUNCTION finance.refuse_used_line_reclassification();
CREATE INDEX yearly_totals_line_idx ON finance.yearly_totals (line_code);

-- Per budget: its revenue and expenditure totals, kept by the budget amounts' own writes.
CREATE TABLE finance.budget_totals (
  budget_id uuid PRIMARY KEY REFERENCES finance.budgets(id) ON DELETE CASCADE,
  revenue_mad numeric(16, 2) NOT NULL DEFAULT 0,
  expenditure_mad numeric(16, 2) NOT NULL DEFAULT 0,
  institution_id uuid, region_id uuid, delegation_id uuid, association_id uuid
);

CREATE FUNCTION finance.carry_to_budget_totals() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE finance.budget_totals SET
      revenue_mad = revenue_mad - CASE WHEN OLD.kind = 'revenue' THEN OLD.amount_mad ELSE 0 END,
      expenditure_mad = expenditure_mad - CASE WHEN OLD.kind = 'expenditure' THEN OLD.amount_mad ELSE 0 END
    WHERE budget_id = OLD.budget_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO finance.budget_totals AS t (budget_id, revenue_mad, expenditure_mad, institution_id, region_id, delegation_id, association_id)
    VALUES (NEW.budget_id, CASE WHEN NEW.kind = 'revenue' THEN NEW.amount_mad ELSE 0 END, CASE WHEN NEW.kind = 'expenditure' THEN NEW.amount_mad ELSE 0 END,
      NEW.institution_id, NEW.region_id, NEW.delegation_id, NEW.association_id)
    ON CONFLICT (budget_id) DO UPDATE SET revenue_mad = t.revenue_mad + excluded.revenue_mad, expenditure_mad = t.expenditure_mad + excluded.expenditure_mad;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER budget_amounts_to_totals AFTER INSERT OR UPDATE OF amount_mad, kind OR DELETE ON finance.budget_amounts
  FOR EACH ROW EXECUTE FUNCTION finance.carry_to_budget_totals();

INSERT INTO finance.budget_totals (budget_id, revenue_mad, expenditure_mad, institution_id, region_id, delegation_id, association_id)
SELECT a.budget_id, coalesce(sum(a.amount_mad) FILTER (WHERE a.kind = 'revenue'), 0), coalesce(sum(a.amount_mad) FILTER (WHERE a.kind = 'expenditure'), 0),
  b.institution_id, b.region_id, b.delegation_id, b.association_id
FROM finance.budget_amounts a JOIN finance.budgets b ON b.id = a.budget_id
GROUP BY a.budget_id, b.institution_id, b.region_id, b.delegation_id, b.association_id;

ALTER TABLE finance.institution_year_totals ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance.budget_totals ENABLE ROW LEVEL SECURITY;
CREATE POLICY institution_year_totals_in_scope ON finance.institution_year_totals FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY budget_totals_in_scope ON finance.budget_totals FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id));
GRANT SELECT ON finance.institution_year_totals, finance.budget_totals TO raaya_app;
