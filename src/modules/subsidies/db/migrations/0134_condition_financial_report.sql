-- "Financial report received" reads the finance module's annual reports (0126): the report of each
-- covered institution on the year before the tranche's year, approved through its workflow. The
-- first version (0133) had no report table to read and went by the date of any approved report.
CREATE OR REPLACE FUNCTION subsidies.condition_state(p_tranche uuid)
RETURNS TABLE (condition_code text, evaluation text, blocking boolean, auto_met boolean, confirmed boolean,
  confirmed_by uuid, confirmed_at timestamptz, note text, met boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t subsidies.tranches;
  a registry.associations;
  today date := subsidies.today();
  institutions uuid[];
  previous record;
  members_known boolean;
  v_previous boolean;
  v_report boolean;
  v_finding boolean;
  v_budget boolean;
  v_board boolean;
BEGIN
  SELECT * INTO t FROM subsidies.tranches WHERE id = p_tranche;
  IF NOT FOUND OR NOT coalesce(app.scope_allows(t.region_id, t.delegation_id, t.association_id, NULL), false) THEN
    RETURN;
  END IF;
  SELECT * INTO a FROM registry.associations WHERE id = t.association_id;
  SELECT coalesce(array_agg(ci.institution_id), '{}') INTO institutions
  FROM subsidies.convention_institutions ci WHERE ci.convention_id = t.convention_id;

  -- The tranche before this one in the convention (by year and position), fully justified.
  SELECT p.id, p.amount_mad INTO previous FROM subsidies.tranches p
  WHERE p.convention_id = t.convention_id AND p.status <> 'cancelled' AND (p.year, p.position) < (t.year, t.position)
  ORDER BY p.year DESC, p.position DESC LIMIT 1;
  v_previous := previous.id IS NULL OR subsidies.justified_mad(previous.id) >= previous.amount_mad;

  -- Each covered institution's annual financial report on the year before the tranche's year
  -- (finance.financial_reports, 0126) approved through its workflow.
  IF cardinality(institutions) > 0 THEN
    v_report := NOT EXISTS (
      SELECT 1 FROM unnest(institutions) AS i(id)
      WHERE NOT EXISTS (
        SELECT 1 FROM finance.financial_reports r
        JOIN approvals.submissions s ON s.subject_type = 'institution_financial_report' AND s.subject_id = r.id AND s.state = 'approved'
        WHERE r.institution_id = i.id AND r.year = t.year - 1));
    -- Each covered institution's budget of the tranche's year approved.
    v_budget := NOT EXISTS (
      SELECT 1 FROM unnest(institutions) AS i(id)
      WHERE NOT EXISTS (
        SELECT 1 FROM finance.budgets b
        JOIN approvals.submissions s ON s.subject_type = 'institution_budget' AND s.subject_id = b.id AND s.state = 'approved'
        WHERE b.institution_id = i.id AND b.year = t.year));
  END IF;

  v_finding := NOT EXISTS (SELECT 1 FROM subsidies.audit_findings f
    WHERE f.association_id = t.association_id AND f.status = 'open' AND f.severity = 'critical');

  -- The board: the renewal date not passed, and a president whose mandate covers today when the
  -- members are recorded. Nothing recorded at all: Raaya cannot tell (hand confirmation).
  members_known := EXISTS (SELECT 1 FROM registry.board_members m WHERE m.association_id = a.id);
  IF a.board_renewal_date IS NOT NULL OR members_known THEN
    v_board := coalesce(a.board_renewal_date >= today, true)
      AND (NOT members_known OR EXISTS (SELECT 1 FROM registry.board_members m WHERE m.association_id = a.id
        AND m.role = 'president' AND m.mandate_start <= today AND m.mandate_end >= today));
  END IF;

  RETURN QUERY
  SELECT tc.condition_code, ct.evaluation, tc.blocking, x.auto_met, tc.confirmed, tc.confirmed_by, tc.confirmed_at, tc.note,
    coalesce(x.auto_met, tc.confirmed, false)
  FROM subsidies.tranche_conditions tc
  JOIN subsidies.condition_types ct ON ct.code = tc.condition_code
  CROSS JOIN LATERAL (SELECT CASE WHEN ct.evaluation = 'manual' THEN NULL::boolean ELSE
    CASE tc.condition_code
      WHEN 'previous_tranche_justified' THEN v_previous
      WHEN 'financial_report_received' THEN v_report
      WHEN 'no_open_critical_finding' THEN v_finding
      WHEN 'budget_approved' THEN v_budget
      WHEN 'board_mandate_valid' THEN v_board
    END END AS auto_met) x
  WHERE tc.tranche_id = p_tranche
  ORDER BY ct.position, tc.condition_code;
END $$;
