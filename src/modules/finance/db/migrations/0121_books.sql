-- The books (issue 9, part "books"; decision 0030): the rules of a valid entry, closing in order
-- with balances computed by the database, grants reported to the ministry, and the bank statement
-- lines imported for reconciliation. Builds on 0120 (ledger, closed months, retention).

-- Amount of an entry as it moves the account: receipts add, payments take away (a reversal's
-- negative amount undoes its original).
CREATE FUNCTION finance.signed_mad(direction text, amount numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE direction WHEN 'receipt' THEN amount ELSE -amount END
$$;
GRANT EXECUTE ON FUNCTION finance.signed_mad(text, numeric) TO raaya_app;

-- The balance of an account at the end of a day: opening balance plus the signed entries up to
-- that day. Runs as the caller (row-level security applies); reads the (account, date) index.
CREATE FUNCTION finance.account_balance(p_account uuid, p_through date) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT a.opening_balance_mad + coalesce((
    SELECT sum(finance.signed_mad(e.direction, e.amount_mad)) FROM finance.entries e
    WHERE e.account_id = a.id AND e.entry_date <= p_through), 0)
  FROM finance.accounts a WHERE a.id = p_account
$$;
GRANT EXECUTE ON FUNCTION finance.account_balance(uuid, date) TO raaya_app;

-- Whatever writes an entry (screen, import, another module), the database refuses one that does
-- not hold together. Each refusal names its message (RA409 + HINT, decision 0030).
CREATE FUNCTION finance.check_entry() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  line finance.budget_lines;
  acc finance.accounts;
  orig finance.entries;
BEGIN
  SELECT * INTO line FROM finance.budget_lines WHERE code = NEW.line_code;
  IF extract(year FROM NEW.entry_date) < line.valid_from OR extract(year FROM NEW.entry_date) > coalesce(line.valid_to, 2100) THEN
    RAISE EXCEPTION 'line % is not in the chart of %', NEW.line_code, extract(year FROM NEW.entry_date)
      USING ERRCODE = 'RA409', HINT = 'finance.errors.line_not_in_chart';
  END IF;
  -- A heading is the sum of its sub-lines valid that year (as finance.line_is_postable, 0123, says).
  IF EXISTS (SELECT 1 FROM finance.budget_lines c WHERE c.parent_code = NEW.line_code
             AND c.valid_from <= extract(year FROM NEW.entry_date) AND coalesce(c.valid_to, 2100) >= extract(year FROM NEW.entry_date)) THEN
    RAISE EXCEPTION 'line % has sub-lines', NEW.line_code USING ERRCODE = 'RA409', HINT = 'finance.errors.line_has_sublines';
  END IF;
  IF (NEW.direction = 'receipt') <> (line.kind = 'revenue') THEN
    RAISE EXCEPTION 'a % goes on a % line', NEW.direction, CASE NEW.direction WHEN 'receipt' THEN 'revenue' ELSE 'expenditure' END
      USING ERRCODE = 'RA409', HINT = 'finance.errors.line_direction';
  END IF;
  -- Beneficiary contributions only where the category may charge (law 65-15 art. 6; message of the budget part).
  IF line.allowed_categories IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM registry.institutions i WHERE i.id = NEW.institution_id AND i.legal_category = ANY (line.allowed_categories)) THEN
    RAISE EXCEPTION 'line % is not allowed for this category', NEW.line_code USING ERRCODE = 'RA409', HINT = 'finance.errors.line_category_not_allowed';
  END IF;
  -- A grant or donation says who gave it (the donor's type); nothing else does.
  IF NEW.reverses_id IS NULL AND (line.is_grant <> (NEW.donor_type IS NOT NULL)) THEN
    RAISE EXCEPTION 'donor type % on line %', NEW.donor_type, NEW.line_code USING ERRCODE = 'RA409', HINT = 'finance.errors.donor_type';
  END IF;
  IF NEW.account_id IS NOT NULL THEN
    SELECT * INTO acc FROM finance.accounts WHERE id = NEW.account_id;
    IF acc.institution_id <> NEW.institution_id OR acc.kind <> NEW.journal THEN
      RAISE EXCEPTION 'account % is not the % account of the institution', NEW.account_id, NEW.journal
        USING ERRCODE = 'RA409', HINT = 'finance.errors.wrong_account';
    END IF;
    IF NEW.entry_date < acc.opening_date THEN
      RAISE EXCEPTION 'entry before the account was opened' USING ERRCODE = 'RA409', HINT = 'finance.errors.before_opening';
    END IF;
  END IF;
  IF NEW.reverses_id IS NOT NULL THEN
    SELECT * INTO orig FROM finance.entries WHERE id = NEW.reverses_id;
    IF orig.id IS NULL OR orig.reverses_id IS NOT NULL OR orig.institution_id <> NEW.institution_id
       OR orig.journal <> NEW.journal OR orig.account_id IS DISTINCT FROM NEW.account_id OR orig.line_code <> NEW.line_code
       OR orig.direction <> NEW.direction OR orig.amount_mad <> -NEW.amount_mad OR NEW.entry_date < orig.entry_date THEN
      RAISE EXCEPTION 'a reversal mirrors its original entry' USING ERRCODE = 'RA409', HINT = 'finance.errors.bad_reversal';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER entries_check BEFORE INSERT ON finance.entries FOR EACH ROW EXECUTE FUNCTION finance.check_entry();

-- So that "entries are never edited" is the database's own refusal (finance.entries_immutable),
-- tested as the application role, rather than a missing privilege.
GRANT UPDATE (description) ON finance.entries TO raaya_app;

-- Closing: months close in order, from the month the first account opened, so every month before
-- a closed one is closed too (an entry can never change a closed balance). The balances at
-- closing are computed here, whatever the caller sent.
CREATE FUNCTION finance.close_month_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_month date;
  bank uuid;
  cash uuid;
  month_end date := (NEW.month + interval '1 month' - interval '1 day')::date;
BEGIN
  SELECT date_trunc('month', min(opening_date))::date INTO first_month FROM finance.accounts WHERE institution_id = NEW.institution_id;
  IF first_month IS NULL OR NEW.month < first_month THEN
    RAISE EXCEPTION 'no account open in %', NEW.month USING ERRCODE = 'RA409', HINT = 'finance.errors.no_account';
  END IF;
  IF NEW.month >= date_trunc('month', (now() AT TIME ZONE 'Africa/Casablanca'))::date THEN
    RAISE EXCEPTION 'month % has not ended', NEW.month USING ERRCODE = 'RA409', HINT = 'finance.errors.month_not_ended';
  END IF;
  IF EXISTS (SELECT 1 FROM generate_series(first_month, NEW.month - interval '1 month', interval '1 month') m
             WHERE NOT EXISTS (SELECT 1 FROM finance.closed_months c WHERE c.institution_id = NEW.institution_id AND c.month = m::date)) THEN
    RAISE EXCEPTION 'an earlier month is still open' USING ERRCODE = 'RA409', HINT = 'finance.errors.earlier_month_open';
  END IF;
  SELECT id INTO bank FROM finance.accounts WHERE institution_id = NEW.institution_id AND kind = 'bank';
  SELECT id INTO cash FROM finance.accounts WHERE institution_id = NEW.institution_id AND kind = 'cash';
  NEW.bank_balance_mad := CASE WHEN bank IS NOT NULL THEN finance.account_balance(bank, month_end) END;
  NEW.cash_balance_mad := CASE WHEN cash IS NOT NULL THEN finance.account_balance(cash, month_end) END;
  NEW.closed_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER closed_months_in_order BEFORE INSERT ON finance.closed_months FOR EACH ROW EXECUTE FUNCTION finance.close_month_in_order();

-- A grant report is for a grant or donation received (a receipt on an is_grant line, not a
-- reversal), on or after the day it was received.
CREATE FUNCTION finance.check_grant_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM finance.entries e JOIN finance.budget_lines l ON l.code = e.line_code
                 WHERE e.id = NEW.entry_id AND l.is_grant AND e.reverses_id IS NULL) THEN
    RAISE EXCEPTION 'entry % is not a grant or donation', NEW.entry_id USING ERRCODE = 'RA409', HINT = 'finance.errors.not_a_grant';
  END IF;
  IF NEW.reported_on < (SELECT entry_date FROM finance.entries WHERE id = NEW.entry_id)
     OR NEW.reported_on > (now() AT TIME ZONE 'Africa/Casablanca')::date THEN
    RAISE EXCEPTION 'report date outside the possible days' USING ERRCODE = 'RA409', HINT = 'finance.errors.report_date';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER grant_reports_check BEFORE INSERT ON finance.grant_reports FOR EACH ROW EXECUTE FUNCTION finance.check_grant_report();
-- Grants and donations of an institution, by date (the grants list and the deadline rule).
CREATE INDEX entries_grants_idx ON finance.entries (entry_date, id) WHERE donor_type IS NOT NULL AND reverses_id IS NULL;

-- The bank statement, imported line by line (platform imports) and matched to the bank journal.
-- Amounts as the bank writes them: credits positive, debits negative.
CREATE TABLE finance.bank_statement_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  account_id uuid NOT NULL REFERENCES finance.accounts(id),
  line_date date NOT NULL,
  amount_mad numeric(14, 2) NOT NULL CHECK (amount_mad <> 0),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  bank_reference text CHECK (length(bank_reference) <= 100),
  entry_id uuid UNIQUE REFERENCES finance.entries(id),
  matched_by uuid REFERENCES access.users(id),
  matched_at timestamptz,
  imported_by uuid REFERENCES access.users(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid,
  CONSTRAINT bank_statement_lines_match_complete CHECK ((entry_id IS NULL) = (matched_at IS NULL))
);
CREATE INDEX bank_statement_lines_account_idx ON finance.bank_statement_lines (account_id, line_date, id);

CREATE FUNCTION finance.check_statement_line() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM finance.accounts a WHERE a.id = NEW.account_id AND a.institution_id = NEW.institution_id AND a.kind = 'bank') THEN
    RAISE EXCEPTION 'statement lines belong to the bank account' USING ERRCODE = 'RA409', HINT = 'finance.errors.wrong_account';
  END IF;
  -- A match pairs the line with a bank entry of the same account and the same signed amount.
  IF NEW.entry_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM finance.entries e WHERE e.id = NEW.entry_id AND e.account_id = NEW.account_id
      AND finance.signed_mad(e.direction, e.amount_mad) = NEW.amount_mad) THEN
    RAISE EXCEPTION 'line and entry do not match' USING ERRCODE = 'RA409', HINT = 'finance.errors.match_amount';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER bank_statement_lines_fill_keys BEFORE INSERT ON finance.bank_statement_lines FOR EACH ROW EXECUTE FUNCTION finance.fill_keys();
CREATE TRIGGER bank_statement_lines_check BEFORE INSERT OR UPDATE ON finance.bank_statement_lines FOR EACH ROW EXECUTE FUNCTION finance.check_statement_line();
CREATE TRIGGER bank_statement_lines_audit AFTER INSERT OR UPDATE OR DELETE ON finance.bank_statement_lines FOR EACH ROW EXECUTE FUNCTION audit.capture();
ALTER TABLE finance.bank_statement_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY bank_statement_lines_in_scope ON finance.bank_statement_lines TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
GRANT SELECT ON finance.bank_statement_lines TO raaya_app;
GRANT INSERT (institution_id, account_id, line_date, amount_mad, label, bank_reference, imported_by) ON finance.bank_statement_lines TO raaya_app;
GRANT UPDATE (entry_id, matched_by, matched_at) ON finance.bank_statement_lines TO raaya_app;
