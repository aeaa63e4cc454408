-- Finance reports (issue 9, decision 0032): yearly running totals kept in the same transaction as
-- the monthly ones (never an overnight pre-computation), the occupancy count the cost per
-- beneficiary-day divides by (no personal data leaves it), and the annual financial report that
-- goes through the institution_financial_report approval.

-- Per institution, year and line: the monthly totals summed over the year. Kept by a row trigger
-- on finance.monthly_totals, so it moves exactly when (and in the transaction where) they move.
CREATE TABLE finance.yearly_totals (
  institution_id uuid NOT NULL,
  year int NOT NULL,
  line_code text NOT NULL,
  amount_mad numeric(16, 2) NOT NULL DEFAULT 0,
  entry_count int NOT NULL DEFAULT 0,
  region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (institution_id, year, line_code)
);
-- The consolidations read one year of every institution in a region or delegation (75,000 rows for
-- the nation instead of 900,000 monthly ones).
CREATE INDEX yearly_totals_scope_idx ON finance.yearly_totals (year, region_id, delegation_id) INCLUDE (institution_id, line_code, amount_mad);

CREATE FUNCTION finance.carry_to_yearly() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  delta numeric := NEW.amount_mad - CASE TG_OP WHEN 'UPDATE' THEN OLD.amount_mad ELSE 0 END;
  counted int := NEW.entry_count - CASE TG_OP WHEN 'UPDATE' THEN OLD.entry_count ELSE 0 END;
  y int := extract(year FROM NEW.month)::int;
BEGIN
  IF delta = 0 AND counted = 0 THEN
    RETURN NULL;
  END IF;
  INSERT INTO finance.yearly_totals AS t (institution_id, year, line_code, amount_mad, entry_count, region_id, delegation_id, association_id)
  VALUES (NEW.institution_id, y, NEW.line_code, delta, counted, NEW.region_id, NEW.delegation_id, NEW.association_id)
  ON CONFLICT (institution_id, year, line_code)
  DO UPDATE SET amount_mad = t.amount_mad + excluded.amount_mad, entry_count = t.entry_count + excluded.entry_count;
  RETURN NULL;
END $$;
CREATE TRIGGER monthly_totals_to_yearly AFTER INSERT OR UPDATE OF amount_mad, entry_count ON finance.monthly_totals
  FOR EACH ROW EXECUTE FUNCTION finance.carry_to_yearly();

-- Totals already there when this migration runs (a database with entries).
INSERT INTO finance.yearly_totals (institution_id, year, line_code, amount_mad, entry_count, region_id, delegation_id, association_id)
SELECT institution_id, extract(year FROM month)::int, line_code, sum(amount_mad), sum(entry_count),
       min(region_id::text)::uuid, min(delegation_id::text)::uuid, min(association_id::text)::uuid
FROM finance.monthly_totals GROUP BY 1, 2, 3;
ALTER TABLE finance.yearly_totals ENABLE ROW LEVEL SECURITY;
CREATE POLICY yearly_totals_in_scope ON finance.yearly_totals FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id));
GRANT SELECT ON finance.yearly_totals TO raaya_app;

-- Beneficiary-days of an institution between two days (both included): each admission counts the
-- days from its admission up to the day before its exit. SECURITY DEFINER so that the finance
-- staff, who do not read the register, get the count; it returns only that number, and only for an
-- institution in the caller's scope (NULL otherwise).
CREATE FUNCTION finance.occupancy_days(p_institution uuid, p_from date, p_to date) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM registry.institutions i WHERE i.id = p_institution
                             AND app.scope_allows(i.region_id, i.delegation_id, i.association_id, i.id))
    THEN (SELECT coalesce(sum(greatest(0, least(coalesce(a.exit_date - 1, p_to), p_to) - greatest(a.admission_date, p_from) + 1)), 0)::bigint
          FROM beneficiaries.admissions a
          WHERE a.institution_id = p_institution AND a.admission_date <= p_to AND (a.exit_date IS NULL OR a.exit_date > p_from))
  END
$$;

-- The same count month by month for a year (the monthly cost per beneficiary-day).
CREATE FUNCTION finance.occupancy_by_month(p_institution uuid, p_year int) RETURNS TABLE (month date, days bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT m::date, coalesce(sum(greatest(0, least(coalesce(a.exit_date - 1, (m + interval '1 month - 1 day')::date), (m + interval '1 month - 1 day')::date)
                                 - greatest(a.admission_date, m::date) + 1)), 0)::bigint
  FROM generate_series(make_date(p_year, 1, 1), make_date(p_year, 12, 1), interval '1 month') m
  LEFT JOIN beneficiaries.admissions a ON a.institution_id = p_institution
    AND a.admission_date <= (m + interval '1 month - 1 day')::date AND (a.exit_date IS NULL OR a.exit_date > m::date)
  WHERE EXISTS (SELECT 1 FROM registry.institutions i WHERE i.id = p_institution
                AND app.scope_allows(i.region_id, i.delegation_id, i.association_id, i.id))
  GROUP BY m ORDER BY m
$$;

-- Beneficiary-days of a year for every institution of a delegation (or of a region, or of the
-- nation) that the caller sees: the consolidations' occupancy, counts only.
CREATE FUNCTION finance.occupancy_by_institution(p_year int, p_region uuid, p_delegation uuid)
RETURNS TABLE (institution_id uuid, region_id uuid, delegation_id uuid, days bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT a.institution_id, min(a.region_id::text)::uuid, min(a.delegation_id::text)::uuid,
         sum(greatest(0, least(coalesce(a.exit_date - 1, make_date(p_year, 12, 31)), make_date(p_year, 12, 31))
                          - greatest(a.admission_date, make_date(p_year, 1, 1)) + 1))::bigint
  FROM beneficiaries.admissions a
  WHERE a.admission_date <= make_date(p_year, 12, 31) AND (a.exit_date IS NULL OR a.exit_date > make_date(p_year, 1, 1))
    AND (p_region IS NULL OR a.region_id = p_region) AND (p_delegation IS NULL OR a.delegation_id = p_delegation)
    AND app.scope_allows(a.region_id, a.delegation_id, a.association_id, a.institution_id)
  GROUP BY a.institution_id
$$;
REVOKE ALL ON FUNCTION finance.occupancy_days(uuid, date, date), finance.occupancy_by_month(uuid, int),
  finance.occupancy_by_institution(int, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION finance.occupancy_days(uuid, date, date), finance.occupancy_by_month(uuid, int),
  finance.occupancy_by_institution(int, uuid, uuid) TO raaya_app;

-- The annual financial report of an institution for a year: its figures are read live from the
-- books; this row is the subject of the institution_financial_report approval (section 'report'),
-- which the tranches' "financial report received" condition reads.
CREATE TABLE finance.financial_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid,
  UNIQUE (institution_id, year)
);
CREATE INDEX financial_reports_year_idx ON finance.financial_reports (year, delegation_id);
CREATE TRIGGER financial_reports_fill_keys BEFORE INSERT ON finance.financial_reports FOR EACH ROW EXECUTE FUNCTION finance.fill_keys();
CREATE TRIGGER financial_reports_locked BEFORE UPDATE OR DELETE ON finance.financial_reports
  FOR EACH ROW EXECUTE FUNCTION approvals.guard('institution_financial_report', 'id', 'report');
CREATE TRIGGER financial_reports_touch BEFORE UPDATE ON finance.financial_reports FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER financial_reports_audit AFTER INSERT OR UPDATE OR DELETE ON finance.financial_reports FOR EACH ROW EXECUTE FUNCTION audit.capture();
ALTER TABLE finance.financial_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY financial_reports_in_scope ON finance.financial_reports TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
GRANT SELECT ON finance.financial_reports TO raaya_app;
GRANT INSERT (institution_id, year, note, created_by) ON finance.financial_reports TO raaya_app;
GRANT UPDATE (note) ON finance.financial_reports TO raaya_app;
