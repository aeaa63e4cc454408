-- Institution finance (PRODUCT.md §2.4; law 65-15 arts. 19, 22, 23; 2007 model cahier des charges):
-- the national chart of budget lines, the annual budget per institution (versions, approval
-- workflow), the single bank account plus cash, the ledger of receipts and payments, the monthly
-- closing and the running totals the reports read. Money is numeric(14,2), never floating point.
-- Scope keys of every row come from its institution (region, delegation, association, institution).

CREATE SCHEMA finance;
GRANT USAGE ON SCHEMA finance TO raaya_app;

-- The national chart (configurable by reference administrators). Revenue lines by source;
-- expenditure lines in the three official sections. A line with a parent is a sub-line.
CREATE TABLE finance.budget_lines (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  kind text NOT NULL CHECK (kind IN ('revenue', 'expenditure')),
  -- Expenditure only: operating (تسيير), equipment and investment (تجهيز واستثمار), staff.
  section text CHECK (section IN ('operating', 'equipment', 'staff')),
  parent_code text REFERENCES finance.budget_lines(code),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
  -- The association chart of accounts (PCA) account the line maps to, where one applies.
  pca_account text CHECK (pca_account ~ '^[0-9]{2,8}$'),
  -- Revenue that is a grant or a donation: reported to the ministry within 10 days.
  is_grant boolean NOT NULL DEFAULT false,
  -- Feeds the food-per-beneficiary-day indicator.
  is_food boolean NOT NULL DEFAULT false,
  -- Beneficiary contributions: only the legal categories allowed to charge (law 65-15 art. 6).
  allowed_categories text[],
  position int NOT NULL DEFAULT 0,
  -- A line is in the chart for the years from..to (a retired line stays for old budgets).
  valid_from int NOT NULL DEFAULT 2020 CHECK (valid_from BETWEEN 2000 AND 2100),
  valid_to int CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT budget_lines_section_for_expenditure CHECK ((kind = 'expenditure') = (section IS NOT NULL)),
  CONSTRAINT budget_lines_grant_is_revenue CHECK (NOT is_grant OR kind = 'revenue'),
  CONSTRAINT budget_lines_food_is_expenditure CHECK (NOT is_food OR kind = 'expenditure')
);

-- The minimum daily cost per beneficiary of a legal category in a year (configurable reference).
CREATE TABLE finance.daily_cost_references (
  legal_category text NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount_mad numeric(10, 2) NOT NULL CHECK (amount_mad > 0),
  PRIMARY KEY (legal_category, year)
);

-- One budget per institution, year and version; a revision of an approved budget is a new
-- version (revises_id) with its own approval. Approved budgets are locked by approvals.guard().
CREATE TABLE finance.budgets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  version int NOT NULL DEFAULT 1 CHECK (version BETWEEN 1 AND 50),
  revises_id uuid REFERENCES finance.budgets(id),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid,
  UNIQUE (institution_id, year, version),
  CONSTRAINT budgets_revision_has_parent CHECK ((version = 1) = (revises_id IS NULL))
);
CREATE INDEX budgets_year_idx ON finance.budgets (year, region_id, delegation_id);

-- The amount of each chart line in a budget (the whole year).
CREATE TABLE finance.budget_amounts (
  budget_id uuid NOT NULL REFERENCES finance.budgets(id) ON DELETE CASCADE,
  line_code text NOT NULL REFERENCES finance.budget_lines(code),
  -- 'revenue' or 'expenditure', copied from the line (the approval section it belongs to).
  kind text NOT NULL,
  amount_mad numeric(14, 2) NOT NULL CHECK (amount_mad >= 0),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  institution_id uuid, region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (budget_id, line_code)
);

-- The institution's accounts: one bank account (the law asks for a single one) and the cash box.
CREATE TABLE finance.accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  kind text NOT NULL CHECK (kind IN ('bank', 'cash')),
  rib text CHECK (rib IS NULL OR registry.rib_is_valid(rib)),
  bank_name text CHECK (length(bank_name) <= 120),
  opening_date date NOT NULL,
  opening_balance_mad numeric(14, 2) NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid,
  UNIQUE (institution_id, kind),
  CONSTRAINT accounts_bank_has_rib CHECK ((kind = 'bank') = (rib IS NOT NULL))
);

-- The ledger: receipts and payments. Never updated: a correction is a reversing entry (reverses_id,
-- the opposite amount). Amounts are positive except in a reversal. In-kind donations are valued
-- and recorded in the in_kind journal, which has no account.
CREATE TABLE finance.entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  journal text NOT NULL CHECK (journal IN ('bank', 'cash', 'in_kind')),
  account_id uuid REFERENCES finance.accounts(id),
  entry_date date NOT NULL,
  direction text NOT NULL CHECK (direction IN ('receipt', 'payment')),
  line_code text NOT NULL REFERENCES finance.budget_lines(code),
  amount_mad numeric(14, 2) NOT NULL,
  counterparty text NOT NULL CHECK (length(counterparty) BETWEEN 1 AND 200),
  means text NOT NULL CHECK (means IN ('cash', 'cheque', 'transfer', 'card', 'direct_debit', 'in_kind')),
  reference text CHECK (length(reference) <= 100),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
  reverses_id uuid REFERENCES finance.entries(id),
  -- Grants and donations (on an is_grant line): the donor's type (the donor is the counterparty);
  -- the report to the ministry within 10 days is finance.grant_reports.
  donor_type text CHECK (donor_type IN ('state', 'public_body', 'commune', 'private', 'association', 'foreign')),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid,
  CONSTRAINT entries_amount_sign CHECK ((reverses_id IS NULL AND amount_mad > 0) OR (reverses_id IS NOT NULL AND amount_mad < 0)),
  CONSTRAINT entries_account_for_money CHECK ((journal = 'in_kind') = (account_id IS NULL)),
  CONSTRAINT entries_in_kind_means CHECK ((journal = 'in_kind') = (means = 'in_kind'))
);
CREATE INDEX entries_institution_date_idx ON finance.entries (institution_id, entry_date, id);
CREATE INDEX entries_account_date_idx ON finance.entries (account_id, entry_date, id);
CREATE UNIQUE INDEX entries_reversed_once ON finance.entries (reverses_id) WHERE reverses_id IS NOT NULL;

-- A grant or donation reported to the ministry (2007 cahier des charges: within 10 days).
CREATE TABLE finance.grant_reports (
  entry_id uuid PRIMARY KEY REFERENCES finance.entries(id),
  reported_on date NOT NULL,
  reference text CHECK (length(reference) <= 100),
  reported_by uuid REFERENCES access.users(id),
  institution_id uuid, region_id uuid, delegation_id uuid, association_id uuid
);

-- A closed month is locked: no entry of that institution and month may be written (trigger below).
CREATE TABLE finance.closed_months (
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  closed_by uuid REFERENCES access.users(id),
  closed_at timestamptz NOT NULL DEFAULT now(),
  -- Balances at closing, for the report and the next month's opening.
  bank_balance_mad numeric(14, 2),
  cash_balance_mad numeric(14, 2),
  region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (institution_id, month)
);

-- Running totals per institution, month and line, kept in the same transaction as the entries
-- (trigger below), so reports never read a stale summary. Payments and receipts are signed by
-- nothing: a line is either revenue or expenditure.
CREATE TABLE finance.monthly_totals (
  institution_id uuid NOT NULL,
  month date NOT NULL,
  line_code text NOT NULL,
  amount_mad numeric(16, 2) NOT NULL DEFAULT 0,
  entry_count int NOT NULL DEFAULT 0,
  region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (institution_id, month, line_code)
);
CREATE INDEX monthly_totals_month_idx ON finance.monthly_totals (month, region_id, delegation_id);

-- Scope keys from the institution.
CREATE FUNCTION finance.fill_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT i.region_id, i.delegation_id, i.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
  FROM registry.institutions i WHERE i.id = NEW.institution_id;
  RETURN NEW;
END $$;
CREATE FUNCTION finance.fill_amount_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT b.institution_id, b.region_id, b.delegation_id, b.association_id, l.kind
    INTO NEW.institution_id, NEW.region_id, NEW.delegation_id, NEW.association_id, NEW.kind
  FROM finance.budgets b, finance.budget_lines l WHERE b.id = NEW.budget_id AND l.code = NEW.line_code;
  RETURN NEW;
END $$;
CREATE TRIGGER budgets_fill_keys BEFORE INSERT ON finance.budgets FOR EACH ROW EXECUTE FUNCTION finance.fill_keys();
CREATE TRIGGER budget_amounts_fill_keys BEFORE INSERT OR UPDATE ON finance.budget_amounts FOR EACH ROW EXECUTE FUNCTION finance.fill_amount_keys();
CREATE TRIGGER accounts_fill_keys BEFORE INSERT ON finance.accounts FOR EACH ROW EXECUTE FUNCTION finance.fill_keys();
CREATE TRIGGER entries_fill_keys BEFORE INSERT ON finance.entries FOR EACH ROW EXECUTE FUNCTION finance.fill_keys();
CREATE FUNCTION finance.fill_report_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT e.institution_id, e.region_id, e.delegation_id, e.association_id
    INTO NEW.institution_id, NEW.region_id, NEW.delegation_id, NEW.association_id
  FROM finance.entries e WHERE e.id = NEW.entry_id;
  RETURN NEW;
END $$;
CREATE TRIGGER grant_reports_fill_keys BEFORE INSERT ON finance.grant_reports FOR EACH ROW EXECUTE FUNCTION finance.fill_report_keys();
CREATE TRIGGER closed_months_fill_keys BEFORE INSERT ON finance.closed_months FOR EACH ROW EXECUTE FUNCTION finance.fill_keys();

-- The approval locks (budget sections 'revenue' and 'expenditure', decision 0007).
CREATE TRIGGER budgets_locked BEFORE UPDATE OR DELETE ON finance.budgets
  FOR EACH ROW EXECUTE FUNCTION approvals.guard('institution_budget', 'id', 'expenditure');
CREATE TRIGGER budget_amounts_locked BEFORE INSERT OR UPDATE OR DELETE ON finance.budget_amounts
  FOR EACH ROW EXECUTE FUNCTION approvals.guard('institution_budget', 'budget_id', '@kind');

-- Closed months are locked for everyone (the database refuses, whoever asks). Entries are never
-- edited and are deleted only after the retention period (below), so only inserts are checked here.
CREATE FUNCTION finance.refuse_closed_month() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM finance.closed_months c
             WHERE c.institution_id = NEW.institution_id AND c.month = date_trunc('month', NEW.entry_date)::date) THEN
    RAISE EXCEPTION 'month % of institution % is closed', to_char(NEW.entry_date, 'YYYY-MM'), NEW.institution_id
      USING ERRCODE = 'RA409', HINT = 'finance.errors.month_closed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER entries_closed_month BEFORE INSERT ON finance.entries
  FOR EACH ROW EXECUTE FUNCTION finance.refuse_closed_month();

-- Accounting documents are kept 10 years (law 65-15 art. 23): an entry younger than that cannot
-- be deleted by anyone, and entries are never edited.
CREATE FUNCTION finance.refuse_entry_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'ledger entries are not edited; record a reversing entry' USING ERRCODE = 'RA409', HINT = 'finance.errors.entry_immutable';
  END IF;
  IF OLD.entry_date > (current_date - interval '10 years') THEN
    RAISE EXCEPTION 'entry % is kept 10 years', OLD.id USING ERRCODE = 'RA409', HINT = 'finance.errors.retention';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER entries_immutable BEFORE UPDATE OR DELETE ON finance.entries
  FOR EACH ROW EXECUTE FUNCTION finance.refuse_entry_change();

-- Running totals, one statement at a time (bulk imports insert many rows at once).
CREATE FUNCTION finance.add_to_totals() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO finance.monthly_totals AS t (institution_id, month, line_code, amount_mad, entry_count, region_id, delegation_id, association_id)
  SELECT n.institution_id, date_trunc('month', n.entry_date)::date, n.line_code, sum(n.amount_mad), count(*),
         min(n.region_id::text)::uuid, min(n.delegation_id::text)::uuid, min(n.association_id::text)::uuid
  FROM new_entries n
  GROUP BY n.institution_id, date_trunc('month', n.entry_date), n.line_code
  ORDER BY 1, 2, 3
  ON CONFLICT (institution_id, month, line_code)
  DO UPDATE SET amount_mad = t.amount_mad + excluded.amount_mad, entry_count = t.entry_count + excluded.entry_count;
  RETURN NULL;
END $$;
CREATE TRIGGER entries_totals AFTER INSERT ON finance.entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION finance.add_to_totals();
CREATE FUNCTION finance.remove_from_totals() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE finance.monthly_totals t SET amount_mad = t.amount_mad - o.amount, entry_count = t.entry_count - o.n
  FROM (SELECT institution_id, date_trunc('month', entry_date)::date AS month, line_code, sum(amount_mad) AS amount, count(*) AS n
        FROM old_entries GROUP BY 1, 2, 3) o
  WHERE t.institution_id = o.institution_id AND t.month = o.month AND t.line_code = o.line_code;
  RETURN NULL;
END $$;
CREATE TRIGGER entries_totals_removed AFTER DELETE ON finance.entries
  REFERENCING OLD TABLE AS old_entries FOR EACH STATEMENT EXECUTE FUNCTION finance.remove_from_totals();

CREATE TRIGGER budgets_touch BEFORE UPDATE ON finance.budgets FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER budget_lines_audit AFTER INSERT OR UPDATE OR DELETE ON finance.budget_lines FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER daily_cost_references_audit AFTER INSERT OR UPDATE OR DELETE ON finance.daily_cost_references FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER budgets_audit AFTER INSERT OR UPDATE OR DELETE ON finance.budgets FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER budget_amounts_audit AFTER INSERT OR UPDATE OR DELETE ON finance.budget_amounts FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER accounts_audit AFTER INSERT OR UPDATE OR DELETE ON finance.accounts FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER entries_audit AFTER INSERT OR UPDATE OR DELETE ON finance.entries FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER grant_reports_audit AFTER INSERT OR UPDATE OR DELETE ON finance.grant_reports FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER closed_months_audit AFTER INSERT OR UPDATE OR DELETE ON finance.closed_months FOR EACH ROW EXECUTE FUNCTION audit.capture();

-- Row-level security: an institution's finance is seen from the nation, its region, its
-- delegation, its founding association and the institution itself.
-- The chart and the references are national: everyone reads them, the system administrator writes them.
ALTER TABLE finance.budget_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance.daily_cost_references ENABLE ROW LEVEL SECURITY;
CREATE POLICY budget_lines_read ON finance.budget_lines FOR SELECT TO raaya_app USING (true);
CREATE POLICY budget_lines_write ON finance.budget_lines FOR ALL TO raaya_app
  USING (app.current_role() = 'system_admin') WITH CHECK (app.current_role() = 'system_admin');
CREATE POLICY daily_cost_references_read ON finance.daily_cost_references FOR SELECT TO raaya_app USING (true);
CREATE POLICY daily_cost_references_write ON finance.daily_cost_references FOR ALL TO raaya_app
  USING (app.current_role() = 'system_admin') WITH CHECK (app.current_role() = 'system_admin');
ALTER TABLE finance.budgets ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance.budget_amounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance.entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance.grant_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance.closed_months ENABLE ROW LEVEL SECURITY;
ALTER TABLE finance.monthly_totals ENABLE ROW LEVEL SECURITY;
CREATE POLICY budgets_in_scope ON finance.budgets TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY budget_amounts_in_scope ON finance.budget_amounts TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY accounts_in_scope ON finance.accounts TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY entries_in_scope ON finance.entries TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY grant_reports_in_scope ON finance.grant_reports TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY closed_months_in_scope ON finance.closed_months TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));
CREATE POLICY monthly_totals_in_scope ON finance.monthly_totals FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id));

GRANT SELECT ON finance.budget_lines, finance.daily_cost_references TO raaya_app;
GRANT INSERT, UPDATE ON finance.budget_lines, finance.daily_cost_references TO raaya_app;
GRANT SELECT ON finance.budgets, finance.budget_amounts, finance.accounts, finance.entries,
  finance.grant_reports, finance.closed_months, finance.monthly_totals TO raaya_app;
GRANT INSERT (entry_id, reported_on, reference, reported_by) ON finance.grant_reports TO raaya_app;
GRANT INSERT (institution_id, year, version, revises_id, note, created_by) ON finance.budgets TO raaya_app;
GRANT UPDATE (note) ON finance.budgets TO raaya_app;
GRANT INSERT (budget_id, line_code, amount_mad, note) ON finance.budget_amounts TO raaya_app;
GRANT UPDATE (amount_mad, note) ON finance.budget_amounts TO raaya_app;
GRANT DELETE ON finance.budget_amounts TO raaya_app;
GRANT INSERT (institution_id, kind, rib, bank_name, opening_date, opening_balance_mad) ON finance.accounts TO raaya_app;
GRANT UPDATE (rib, bank_name) ON finance.accounts TO raaya_app;
GRANT INSERT (institution_id, journal, account_id, entry_date, direction, line_code, amount_mad, counterparty, means,
  reference, description, reverses_id, donor_type, created_by) ON finance.entries TO raaya_app;
-- DELETE is granted so that the retention rule is the database's own refusal, not a missing grant.
GRANT DELETE ON finance.entries TO raaya_app;
GRANT INSERT (institution_id, month, closed_by, bank_balance_mad, cash_balance_mad) ON finance.closed_months TO raaya_app;

-- The budget in force for an institution and year: the highest approved version, else the
-- highest version (a draft). Runs as the caller (row-level security applies).
CREATE FUNCTION finance.current_budget_id(p_institution uuid, p_year int) RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT b.id
  FROM finance.budgets b
  LEFT JOIN approvals.submissions s ON s.subject_type = 'institution_budget' AND s.subject_id = b.id
  WHERE b.institution_id = p_institution AND b.year = p_year
  ORDER BY coalesce(s.state = 'approved', false) DESC, b.version DESC
  LIMIT 1
$$;
GRANT EXECUTE ON FUNCTION finance.current_budget_id(uuid, int) TO raaya_app;
