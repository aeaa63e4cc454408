-- The budget's own rules, in the database so that no path around the API can break them
-- (issue 9, part budget; decision 0031):
--   * an amount is on a line of the chart in force for the budget's year, never on a heading, and a
--     revenue reserved to some legal categories (beneficiary contributions) only in those;
--   * versions: version 1 is the first budget of an institution and year; a revision is the next
--     version of the latest version, which must be approved (one revision at a time). Approved
--     versions stay locked by approvals.guard() (0120); a revision has its own approval.

CREATE FUNCTION finance.check_budget_amount_line() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_year int;
  v_category text;
  v_allowed text[];
BEGIN
  SELECT b.year, i.legal_category INTO v_year, v_category
  FROM finance.budgets b JOIN registry.institutions i ON i.id = b.institution_id
  WHERE b.id = NEW.budget_id;
  IF NOT finance.line_is_postable(NEW.line_code, v_year) THEN
    RAISE EXCEPTION 'line % is not a postable line of the % chart', NEW.line_code, v_year
      USING ERRCODE = 'RA409', HINT = 'finance.errors.line_not_in_chart';
  END IF;
  SELECT allowed_categories INTO v_allowed FROM finance.budget_lines WHERE code = NEW.line_code;
  IF v_allowed IS NOT NULL AND NOT coalesce(v_category = ANY (v_allowed), false) THEN
    RAISE EXCEPTION 'line % is not allowed for category %', NEW.line_code, v_category
      USING ERRCODE = 'RA409', HINT = 'finance.errors.line_category_not_allowed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER budget_amounts_line_check BEFORE INSERT OR UPDATE OF line_code ON finance.budget_amounts
  FOR EACH ROW EXECUTE FUNCTION finance.check_budget_amount_line();

-- Runs as the definer so that the check sees every version and its approval state, whoever inserts.
CREATE FUNCTION finance.check_budget_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  parent finance.budgets;
  latest int;
BEGIN
  -- Serialise versions of one institution and year (two revisions at once would both be "next").
  PERFORM pg_advisory_xact_lock(hashtext('finance.budgets'), hashtext(NEW.institution_id::text || ':' || NEW.year));
  SELECT max(version) INTO latest FROM finance.budgets WHERE institution_id = NEW.institution_id AND year = NEW.year;
  IF NEW.revises_id IS NULL THEN
    IF latest IS NOT NULL THEN
      RAISE EXCEPTION 'institution % already has a budget for %', NEW.institution_id, NEW.year
        USING ERRCODE = 'RA409', HINT = 'finance.errors.budget_exists';
    END IF;
    NEW.version := 1;
    RETURN NEW;
  END IF;
  SELECT * INTO parent FROM finance.budgets WHERE id = NEW.revises_id;
  IF parent.institution_id IS DISTINCT FROM NEW.institution_id OR parent.year IS DISTINCT FROM NEW.year
     OR parent.version <> latest
     OR NOT EXISTS (SELECT 1 FROM approvals.submissions s
                    WHERE s.subject_type = 'institution_budget' AND s.subject_id = parent.id AND s.state = 'approved') THEN
    RAISE EXCEPTION 'budget % cannot be revised', NEW.revises_id
      USING ERRCODE = 'RA409', HINT = 'finance.errors.revision_needs_approved';
  END IF;
  NEW.version := parent.version + 1;
  RETURN NEW;
END $$;
CREATE TRIGGER budgets_version BEFORE INSERT ON finance.budgets
  FOR EACH ROW EXECUTE FUNCTION finance.check_budget_version();

-- Revenue and expenditure of a budget, summed in SQL (the balance rule of submission and the screens).
CREATE FUNCTION finance.budget_totals(p_budget uuid, OUT revenue_mad numeric, OUT expenditure_mad numeric, OUT line_count int)
LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(amount_mad) FILTER (WHERE kind = 'revenue'), 0)::numeric(16, 2),
         coalesce(sum(amount_mad) FILTER (WHERE kind = 'expenditure'), 0)::numeric(16, 2),
         count(*)::int
  FROM finance.budget_amounts WHERE budget_id = p_budget
$$;
GRANT EXECUTE ON FUNCTION finance.budget_totals(uuid) TO raaya_app;

-- The chart screen lets the reference administrator retire a line (valid_to) or correct its names
-- and PCA account; a line used by a budget or an entry is never deleted (foreign keys).
CREATE INDEX budget_lines_parent_idx ON finance.budget_lines (parent_code) WHERE parent_code IS NOT NULL;
CREATE INDEX budget_amounts_line_idx ON finance.budget_amounts (line_code);
