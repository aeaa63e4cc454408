-- The annual financial report is sent only for a year whose books are closed (decision 0032): with
-- December closed, every month of the year is (months close in order, 0121), no entry can be
-- written into the year any more (0120), and the approved report's figures, read live, stay as
-- approved. Checked when the director submits the report, and again whenever it is resubmitted.
CREATE FUNCTION finance.check_report_year_closed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r record;
BEGIN
  SELECT fr.institution_id, fr.year INTO r FROM finance.financial_reports fr WHERE fr.id = NEW.subject_id;
  IF FOUND AND NOT EXISTS (SELECT 1 FROM finance.closed_months m
                           WHERE m.institution_id = r.institution_id AND m.month = make_date(r.year, 12, 1)) THEN
    RAISE EXCEPTION 'the books of % are not closed up to December', r.year
      USING ERRCODE = 'RA409', HINT = 'finance.errors.report_year_open';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER financial_report_year_closed BEFORE UPDATE OF state ON approvals.submissions
  FOR EACH ROW WHEN (NEW.state = 'submitted' AND OLD.state IN ('draft', 'returned')
    AND NEW.subject_type = 'institution_financial_report')
  EXECUTE FUNCTION finance.check_report_year_closed();
