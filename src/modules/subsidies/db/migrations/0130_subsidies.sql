-- Partnerships and subsidies (PRODUCT.md §2.3; domain-research §2.4, §4): conventions between an
-- Entraide Nationale level (delegation, region or central) and an association, with other partners;
-- their yearly amounts per partner; tranches released on conditions; disbursements; justification
-- of spending; audit missions. Money is numeric(14,2). Scope keys: a convention is seen from the
-- nation, its owner's region and delegation, and the association it funds.

CREATE SCHEMA subsidies;
GRANT USAGE ON SCHEMA subsidies TO raaya_app;

CREATE SEQUENCE subsidies.convention_number;

CREATE TABLE subsidies.conventions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- A readable number ("CONV-2026-000123"), given at creation.
  reference text NOT NULL UNIQUE DEFAULT ('CONV-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('subsidies.convention_number')::text, 6, '0')),
  -- Who signs for Entraide Nationale: a delegation, a region (delegation_id NULL) or central (both NULL).
  owner_level text NOT NULL CHECK (owner_level IN ('delegation', 'region', 'central')),
  association_id uuid NOT NULL REFERENCES registry.associations(id),
  object_ar text NOT NULL CHECK (length(object_ar) BETWEEN 1 AND 2000),
  object_fr text NOT NULL CHECK (length(object_fr) BETWEEN 1 AND 2000),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  total_mad numeric(14, 2) NOT NULL CHECK (total_mad > 0),
  -- draft → (approval workflow) → approved → signed → closed; cancelled at any time before closing.
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'signed', 'closed', 'cancelled')),
  signed_on date,
  -- The amendment (avenant) in force: 0 for the original; each amendment bumps it (convention_versions).
  amendment int NOT NULL DEFAULT 0 CHECK (amendment >= 0),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid REFERENCES territory.regions(id),
  delegation_id uuid REFERENCES organisation.delegations(id),
  CONSTRAINT conventions_period_order CHECK (ends_on > starts_on),
  CONSTRAINT conventions_period_length CHECK (ends_on <= starts_on + interval '10 years'),
  CONSTRAINT conventions_owner_keys CHECK (
    (owner_level = 'delegation' AND delegation_id IS NOT NULL AND region_id IS NOT NULL)
    OR (owner_level = 'region' AND delegation_id IS NULL AND region_id IS NOT NULL)
    OR (owner_level = 'central' AND delegation_id IS NULL AND region_id IS NULL)),
  CONSTRAINT conventions_signed_has_date CHECK ((status IN ('signed', 'closed')) <= (signed_on IS NOT NULL))
);
CREATE INDEX conventions_scope_idx ON subsidies.conventions (region_id, delegation_id, starts_on DESC, id);
CREATE INDEX conventions_association_idx ON subsidies.conventions (association_id, starts_on DESC);
CREATE INDEX conventions_period_idx ON subsidies.conventions (starts_on DESC, id);

-- The institutions the convention covers (they belong to its association).
CREATE TABLE subsidies.convention_institutions (
  convention_id uuid NOT NULL REFERENCES subsidies.conventions(id) ON DELETE CASCADE,
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (convention_id, institution_id)
);

-- The parties that fund: Entraide Nationale itself and the others (INDH, communes, donors...).
CREATE TABLE subsidies.convention_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  convention_id uuid NOT NULL REFERENCES subsidies.conventions(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('entraide_nationale', 'indh', 'ministry', 'commune', 'province', 'region',
    'donor', 'foreign_funder', 'association', 'other')),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 250),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 250),
  -- Foreign funding is declared to the SGG within 30 days (dahir 1958, art. 32 bis).
  sgg_declared_on date,
  sgg_reference text CHECK (length(sgg_reference) <= 100),
  region_id uuid, delegation_id uuid, association_id uuid,
  UNIQUE (convention_id, kind, name_fr)
);

-- Amounts per year and per partner; their sum is the convention's total (checked at submission).
CREATE TABLE subsidies.convention_amounts (
  convention_id uuid NOT NULL REFERENCES subsidies.conventions(id) ON DELETE CASCADE,
  partner_id uuid NOT NULL REFERENCES subsidies.convention_partners(id) ON DELETE CASCADE,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount_mad numeric(14, 2) NOT NULL CHECK (amount_mad >= 0),
  region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (convention_id, partner_id, year)
);

-- What each party undertakes (the association, Entraide Nationale, or a partner).
CREATE TABLE subsidies.convention_obligations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  convention_id uuid NOT NULL REFERENCES subsidies.conventions(id) ON DELETE CASCADE,
  party text NOT NULL CHECK (party IN ('entraide_nationale', 'association', 'partner')),
  partner_id uuid REFERENCES subsidies.convention_partners(id) ON DELETE CASCADE,
  position int NOT NULL CHECK (position BETWEEN 1 AND 200),
  text_ar text NOT NULL CHECK (length(text_ar) BETWEEN 1 AND 1000),
  text_fr text NOT NULL CHECK (length(text_fr) BETWEEN 1 AND 1000),
  region_id uuid, delegation_id uuid, association_id uuid,
  CONSTRAINT obligations_partner_named CHECK ((party = 'partner') = (partner_id IS NOT NULL))
);

-- Who signs, for which party, and when.
CREATE TABLE subsidies.convention_signatories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  convention_id uuid NOT NULL REFERENCES subsidies.conventions(id) ON DELETE CASCADE,
  party text NOT NULL CHECK (party IN ('entraide_nationale', 'association', 'partner')),
  partner_id uuid REFERENCES subsidies.convention_partners(id) ON DELETE CASCADE,
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 160),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
  signed_on date,
  region_id uuid, delegation_id uuid, association_id uuid
);

-- Amendments (avenants): each one a version with its reason and the terms it replaced (snapshot).
CREATE TABLE subsidies.convention_versions (
  convention_id uuid NOT NULL REFERENCES subsidies.conventions(id) ON DELETE CASCADE,
  amendment int NOT NULL CHECK (amendment >= 1),
  reason_ar text NOT NULL CHECK (length(reason_ar) BETWEEN 1 AND 2000),
  reason_fr text NOT NULL CHECK (length(reason_fr) BETWEEN 1 AND 2000),
  -- The terms before the amendment (total, period, amounts, partners) as the API showed them.
  previous_terms jsonb NOT NULL,
  signed_on date,
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (convention_id, amendment)
);

-- The configurable list of release conditions. 'auto' conditions are evaluated from Raaya's data
-- (subsidies.condition_state()); 'manual' ones are confirmed by hand.
CREATE TABLE subsidies.condition_types (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name_ar text NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_fr text NOT NULL CHECK (length(name_fr) BETWEEN 1 AND 200),
  evaluation text NOT NULL CHECK (evaluation IN ('auto', 'manual')),
  blocking_by_default boolean NOT NULL DEFAULT true,
  position int NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true
);
INSERT INTO subsidies.condition_types (code, name_ar, name_fr, evaluation, position) VALUES
  ('previous_tranche_justified', 'تبرير الشطر السابق', 'Tranche précédente justifiée', 'auto', 1),
  ('activity_report_received', 'التوصل بالتقرير الأدبي', 'Rapport d''activité reçu', 'manual', 2),
  ('financial_report_received', 'التوصل بالتقرير المالي', 'Rapport financier reçu', 'auto', 3),
  ('no_open_critical_finding', 'عدم وجود ملاحظة افتحاص حرجة مفتوحة', 'Aucune constatation critique ouverte', 'auto', 4),
  ('budget_approved', 'المصادقة على ميزانية السنة', 'Budget de l''année approuvé', 'auto', 5),
  ('board_mandate_valid', 'صلاحية انتداب المكتب المسير', 'Mandat du bureau valide', 'auto', 6);

-- Tranches: what Entraide Nationale pays, per convention and year, on a planned date.
CREATE TABLE subsidies.tranches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  convention_id uuid NOT NULL REFERENCES subsidies.conventions(id) ON DELETE CASCADE,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  position int NOT NULL CHECK (position BETWEEN 1 AND 24),
  planned_on date NOT NULL,
  amount_mad numeric(14, 2) NOT NULL CHECK (amount_mad > 0),
  -- planned → released (conditions met or overridden) → paid (fully disbursed); cancelled.
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'released', 'paid', 'cancelled')),
  -- The day every blocking condition was first met (for the "conditions met → payment" delay).
  conditions_met_on date,
  released_on date,
  released_by uuid REFERENCES access.users(id),
  -- A release despite an unmet blocking condition: who, why (written), when.
  override_reason text CHECK (length(override_reason) BETWEEN 10 AND 2000),
  overridden_by uuid REFERENCES access.users(id),
  paid_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid,
  UNIQUE (convention_id, year, position),
  CONSTRAINT tranches_override_complete CHECK ((override_reason IS NULL) = (overridden_by IS NULL)),
  CONSTRAINT tranches_release_recorded CHECK ((status IN ('released', 'paid')) <= (released_on IS NOT NULL)),
  CONSTRAINT tranches_paid_recorded CHECK ((status = 'paid') = (paid_on IS NOT NULL))
);
CREATE INDEX tranches_planned_idx ON subsidies.tranches (planned_on, id) WHERE status IN ('planned', 'released');
CREATE INDEX tranches_scope_idx ON subsidies.tranches (region_id, delegation_id, year);

-- The conditions attached to a tranche (from condition_types), and their manual confirmation.
CREATE TABLE subsidies.tranche_conditions (
  tranche_id uuid NOT NULL REFERENCES subsidies.tranches(id) ON DELETE CASCADE,
  condition_code text NOT NULL REFERENCES subsidies.condition_types(code),
  blocking boolean NOT NULL DEFAULT true,
  -- Manual confirmation (or a manual confirmation of an auto condition Raaya cannot evaluate).
  confirmed boolean,
  confirmed_by uuid REFERENCES access.users(id),
  confirmed_at timestamptz,
  note text CHECK (length(note) <= 1000),
  region_id uuid, delegation_id uuid, association_id uuid,
  PRIMARY KEY (tranche_id, condition_code),
  CONSTRAINT tranche_conditions_confirmation_complete CHECK ((confirmed IS NULL) = (confirmed_by IS NULL) AND (confirmed IS NULL) = (confirmed_at IS NULL))
);

-- Disbursements: a tranche may be paid in several parts, to the association's RIB only.
CREATE TABLE subsidies.disbursements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tranche_id uuid NOT NULL REFERENCES subsidies.tranches(id),
  payment_order text NOT NULL CHECK (length(payment_order) BETWEEN 1 AND 60),
  payment_reference text NOT NULL CHECK (length(payment_reference) BETWEEN 1 AND 60),
  paid_on date NOT NULL,
  amount_mad numeric(14, 2) NOT NULL CHECK (amount_mad > 0),
  rib text NOT NULL CHECK (registry.rib_is_valid(rib)),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid
);
CREATE INDEX disbursements_tranche_idx ON subsidies.disbursements (tranche_id, paid_on);

-- Justification of a tranche's spending by the association: lines linked to the institution's
-- ledger (finance.entries) or to an uploaded statement (a document), then the delegation's review.
CREATE TABLE subsidies.justifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tranche_id uuid NOT NULL REFERENCES subsidies.tranches(id),
  submitted_on date NOT NULL,
  submitted_by uuid REFERENCES access.users(id),
  -- submitted → justified | partly_justified | rejected (reason required for the last two).
  state text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'justified', 'partly_justified', 'rejected')),
  accepted_mad numeric(14, 2) CHECK (accepted_mad >= 0),
  review_reason text CHECK (length(review_reason) <= 2000),
  reviewed_by uuid REFERENCES access.users(id),
  reviewed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid, association_id uuid,
  CONSTRAINT justifications_review_complete CHECK ((state = 'submitted') = (reviewed_on IS NULL)),
  CONSTRAINT justifications_reason_when_not_full CHECK (state NOT IN ('partly_justified', 'rejected') OR review_reason IS NOT NULL)
);
CREATE INDEX justifications_tranche_idx ON subsidies.justifications (tranche_id, submitted_on);

CREATE TABLE subsidies.justification_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  justification_id uuid NOT NULL REFERENCES subsidies.justifications(id) ON DELETE CASCADE,
  institution_id uuid NOT NULL REFERENCES registry.institutions(id),
  finance_entry_id uuid REFERENCES finance.entries(id),
  document_id uuid,
  spent_on date NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  amount_mad numeric(14, 2) NOT NULL CHECK (amount_mad > 0),
  region_id uuid, delegation_id uuid, association_id uuid,
  CONSTRAINT justification_lines_evidence CHECK (finance_entry_id IS NOT NULL OR document_id IS NOT NULL)
);
CREATE UNIQUE INDEX justification_lines_entry_once ON subsidies.justification_lines (finance_entry_id) WHERE finance_entry_id IS NOT NULL;

-- Audit missions on a convention or an association, their findings and recommendations.
CREATE TABLE subsidies.audit_missions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  association_id uuid NOT NULL REFERENCES registry.associations(id),
  convention_id uuid REFERENCES subsidies.conventions(id),
  kind text NOT NULL CHECK (kind IN ('planned', 'unannounced')),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'reported', 'closed')),
  team jsonb NOT NULL DEFAULT '[]',
  summary text CHECK (length(summary) <= 10000),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  region_id uuid, delegation_id uuid,
  CONSTRAINT audit_missions_period_order CHECK (ends_on >= starts_on)
);
CREATE INDEX audit_missions_association_idx ON subsidies.audit_missions (association_id, starts_on DESC);

CREATE TABLE subsidies.audit_findings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mission_id uuid NOT NULL REFERENCES subsidies.audit_missions(id) ON DELETE CASCADE,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  amount_in_question_mad numeric(14, 2) CHECK (amount_in_question_mad >= 0),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on date,
  association_id uuid, convention_id uuid, region_id uuid, delegation_id uuid,
  CONSTRAINT audit_findings_closed_dated CHECK ((status = 'closed') = (closed_on IS NOT NULL))
);
CREATE INDEX audit_findings_open_critical_idx ON subsidies.audit_findings (association_id) WHERE status = 'open' AND severity = 'critical';

CREATE TABLE subsidies.audit_recommendations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  finding_id uuid NOT NULL REFERENCES subsidies.audit_findings(id) ON DELETE CASCADE,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  follow_up text CHECK (length(follow_up) <= 4000),
  closed_on date,
  association_id uuid, region_id uuid, delegation_id uuid,
  CONSTRAINT audit_recommendations_closed_dated CHECK ((status IN ('done', 'dropped')) = (closed_on IS NOT NULL))
);

-- Scope keys. A convention takes its owner's keys (given) and its association's id; its child
-- rows copy the convention's keys.
CREATE FUNCTION subsidies.fill_child_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.region_id, c.delegation_id, c.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
  FROM subsidies.conventions c WHERE c.id = NEW.convention_id;
  RETURN NEW;
END $$;
CREATE FUNCTION subsidies.fill_tranche_child_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT t.region_id, t.delegation_id, t.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
  FROM subsidies.tranches t WHERE t.id = NEW.tranche_id;
  RETURN NEW;
END $$;
CREATE FUNCTION subsidies.fill_justification_line_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT j.region_id, j.delegation_id, j.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
  FROM subsidies.justifications j WHERE j.id = NEW.justification_id;
  RETURN NEW;
END $$;
-- A mission's keys: its association's seat; a finding and a recommendation copy them.
CREATE FUNCTION subsidies.fill_mission_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a.region_id, a.delegation_id INTO NEW.region_id, NEW.delegation_id FROM registry.associations a WHERE a.id = NEW.association_id;
  RETURN NEW;
END $$;
CREATE FUNCTION subsidies.fill_finding_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT m.association_id, m.convention_id, m.region_id, m.delegation_id
    INTO NEW.association_id, NEW.convention_id, NEW.region_id, NEW.delegation_id
  FROM subsidies.audit_missions m WHERE m.id = NEW.mission_id;
  RETURN NEW;
END $$;
CREATE FUNCTION subsidies.fill_recommendation_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT f.association_id, f.region_id, f.delegation_id INTO NEW.association_id, NEW.region_id, NEW.delegation_id
  FROM subsidies.audit_findings f WHERE f.id = NEW.finding_id;
  RETURN NEW;
END $$;
CREATE TRIGGER conventions_fill_scope_keys BEFORE INSERT OR UPDATE ON subsidies.conventions
  FOR EACH ROW EXECUTE FUNCTION access.fill_scope_keys();
CREATE TRIGGER convention_institutions_fill_keys BEFORE INSERT ON subsidies.convention_institutions FOR EACH ROW EXECUTE FUNCTION subsidies.fill_child_keys();
CREATE TRIGGER convention_partners_fill_keys BEFORE INSERT ON subsidies.convention_partners FOR EACH ROW EXECUTE FUNCTION subsidies.fill_child_keys();
CREATE TRIGGER convention_amounts_fill_keys BEFORE INSERT ON subsidies.convention_amounts FOR EACH ROW EXECUTE FUNCTION subsidies.fill_child_keys();
CREATE TRIGGER convention_obligations_fill_keys BEFORE INSERT ON subsidies.convention_obligations FOR EACH ROW EXECUTE FUNCTION subsidies.fill_child_keys();
CREATE TRIGGER convention_signatories_fill_keys BEFORE INSERT ON subsidies.convention_signatories FOR EACH ROW EXECUTE FUNCTION subsidies.fill_child_keys();
CREATE TRIGGER convention_versions_fill_keys BEFORE INSERT ON subsidies.convention_versions FOR EACH ROW EXECUTE FUNCTION subsidies.fill_child_keys();
CREATE TRIGGER tranches_fill_keys BEFORE INSERT ON subsidies.tranches FOR EACH ROW EXECUTE FUNCTION subsidies.fill_child_keys();
CREATE TRIGGER tranche_conditions_fill_keys BEFORE INSERT ON subsidies.tranche_conditions FOR EACH ROW EXECUTE FUNCTION subsidies.fill_tranche_child_keys();
CREATE TRIGGER disbursements_fill_keys BEFORE INSERT ON subsidies.disbursements FOR EACH ROW EXECUTE FUNCTION subsidies.fill_tranche_child_keys();
CREATE TRIGGER justifications_fill_keys BEFORE INSERT ON subsidies.justifications FOR EACH ROW EXECUTE FUNCTION subsidies.fill_tranche_child_keys();
CREATE TRIGGER justification_lines_fill_keys BEFORE INSERT ON subsidies.justification_lines FOR EACH ROW EXECUTE FUNCTION subsidies.fill_justification_line_keys();
CREATE TRIGGER audit_missions_fill_keys BEFORE INSERT OR UPDATE OF association_id ON subsidies.audit_missions FOR EACH ROW EXECUTE FUNCTION subsidies.fill_mission_keys();
CREATE TRIGGER audit_findings_fill_keys BEFORE INSERT ON subsidies.audit_findings FOR EACH ROW EXECUTE FUNCTION subsidies.fill_finding_keys();
CREATE TRIGGER audit_recommendations_fill_keys BEFORE INSERT ON subsidies.audit_recommendations FOR EACH ROW EXECUTE FUNCTION subsidies.fill_recommendation_keys();

-- The approval lock (decision 0007): a convention's terms and funding cannot change while it is
-- submitted or once approved; an amendment reopens them through a new submission. A delegation's
-- convention and a region's are two document types (two chains), each with its own guard.
DO $$
DECLARE
  doc text;
  suffix text;
BEGIN
  FOREACH doc IN ARRAY ARRAY['subsidy_convention', 'subsidy_convention_region'] LOOP
    suffix := CASE doc WHEN 'subsidy_convention' THEN '' ELSE '_region' END;
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OF association_id, object_ar, object_fr, starts_on, ends_on, total_mad, owner_level, region_id, delegation_id OR DELETE ON subsidies.conventions FOR EACH ROW EXECUTE FUNCTION approvals.guard(%L, ''id'', ''terms'')', 'conventions_locked' || suffix, doc);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON subsidies.convention_institutions FOR EACH ROW EXECUTE FUNCTION approvals.guard(%L, ''convention_id'', ''terms'')', 'convention_institutions_locked' || suffix, doc);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON subsidies.convention_partners FOR EACH ROW EXECUTE FUNCTION approvals.guard(%L, ''convention_id'', ''funding'')', 'convention_partners_locked' || suffix, doc);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON subsidies.convention_amounts FOR EACH ROW EXECUTE FUNCTION approvals.guard(%L, ''convention_id'', ''funding'')', 'convention_amounts_locked' || suffix, doc);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON subsidies.convention_obligations FOR EACH ROW EXECUTE FUNCTION approvals.guard(%L, ''convention_id'', ''funding'')', 'convention_obligations_locked' || suffix, doc);
  END LOOP;
END $$;

CREATE TRIGGER conventions_touch BEFORE UPDATE ON subsidies.conventions FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER tranches_touch BEFORE UPDATE ON subsidies.tranches FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER audit_missions_touch BEFORE UPDATE ON subsidies.audit_missions FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TRIGGER conventions_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.conventions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER convention_institutions_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.convention_institutions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER convention_partners_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.convention_partners FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER convention_amounts_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.convention_amounts FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER convention_obligations_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.convention_obligations FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER convention_signatories_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.convention_signatories FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER convention_versions_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.convention_versions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER condition_types_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.condition_types FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER tranches_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.tranches FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER tranche_conditions_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.tranche_conditions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER disbursements_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.disbursements FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER justifications_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.justifications FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER justification_lines_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.justification_lines FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER audit_missions_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.audit_missions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER audit_findings_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.audit_findings FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER audit_recommendations_audit AFTER INSERT OR UPDATE OR DELETE ON subsidies.audit_recommendations FOR EACH ROW EXECUTE FUNCTION audit.capture();

-- Row-level security on every scoped table (all but the national condition list): a row is seen
-- from the nation, its owner's region and delegation, and the association it concerns.
ALTER TABLE subsidies.conventions ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.convention_institutions ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.convention_partners ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.convention_amounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.convention_obligations ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.convention_signatories ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.convention_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.tranches ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.tranche_conditions ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.disbursements ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.justifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.justification_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.audit_missions ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.audit_findings ENABLE ROW LEVEL SECURITY;
ALTER TABLE subsidies.audit_recommendations ENABLE ROW LEVEL SECURITY;
CREATE POLICY conventions_in_scope ON subsidies.conventions TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY convention_institutions_in_scope ON subsidies.convention_institutions TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY convention_partners_in_scope ON subsidies.convention_partners TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY convention_amounts_in_scope ON subsidies.convention_amounts TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY convention_obligations_in_scope ON subsidies.convention_obligations TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY convention_signatories_in_scope ON subsidies.convention_signatories TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY convention_versions_in_scope ON subsidies.convention_versions TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY tranches_in_scope ON subsidies.tranches TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY tranche_conditions_in_scope ON subsidies.tranche_conditions TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY disbursements_in_scope ON subsidies.disbursements TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY justifications_in_scope ON subsidies.justifications TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY justification_lines_in_scope ON subsidies.justification_lines TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY audit_missions_in_scope ON subsidies.audit_missions TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY audit_findings_in_scope ON subsidies.audit_findings TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
CREATE POLICY audit_recommendations_in_scope ON subsidies.audit_recommendations TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, NULL));
GRANT SELECT ON subsidies.conventions, subsidies.convention_institutions, subsidies.convention_partners, subsidies.convention_amounts, subsidies.convention_obligations, subsidies.convention_signatories, subsidies.convention_versions, subsidies.tranches, subsidies.tranche_conditions, subsidies.disbursements, subsidies.justifications, subsidies.justification_lines, subsidies.audit_missions, subsidies.audit_findings, subsidies.audit_recommendations TO raaya_app;

-- The condition list is national: everyone reads it, the system administrator writes it.
ALTER TABLE subsidies.condition_types ENABLE ROW LEVEL SECURITY;
CREATE POLICY condition_types_read ON subsidies.condition_types FOR SELECT TO raaya_app USING (true);
CREATE POLICY condition_types_write ON subsidies.condition_types FOR ALL TO raaya_app
  USING (app.current_role() = 'system_admin') WITH CHECK (app.current_role() = 'system_admin');
GRANT SELECT ON subsidies.condition_types TO raaya_app;
GRANT INSERT, UPDATE ON subsidies.condition_types TO raaya_app;
GRANT INSERT (owner_level, association_id, object_ar, object_fr, starts_on, ends_on, total_mad, created_by, region_id, delegation_id)
  ON subsidies.conventions TO raaya_app;
GRANT UPDATE (association_id, object_ar, object_fr, starts_on, ends_on, total_mad, status, signed_on, amendment)
  ON subsidies.conventions TO raaya_app;
GRANT INSERT (convention_id, institution_id) ON subsidies.convention_institutions TO raaya_app;
GRANT DELETE ON subsidies.convention_institutions TO raaya_app;
GRANT INSERT (convention_id, kind, name_ar, name_fr, sgg_declared_on, sgg_reference) ON subsidies.convention_partners TO raaya_app;
GRANT UPDATE (name_ar, name_fr, sgg_declared_on, sgg_reference) ON subsidies.convention_partners TO raaya_app;
GRANT DELETE ON subsidies.convention_partners TO raaya_app;
GRANT INSERT (convention_id, partner_id, year, amount_mad) ON subsidies.convention_amounts TO raaya_app;
GRANT UPDATE (amount_mad) ON subsidies.convention_amounts TO raaya_app;
GRANT DELETE ON subsidies.convention_amounts TO raaya_app;
GRANT INSERT (convention_id, party, partner_id, position, text_ar, text_fr) ON subsidies.convention_obligations TO raaya_app;
GRANT DELETE ON subsidies.convention_obligations TO raaya_app;
GRANT INSERT (convention_id, party, partner_id, full_name, title, signed_on) ON subsidies.convention_signatories TO raaya_app;
GRANT UPDATE (full_name, title, signed_on) ON subsidies.convention_signatories TO raaya_app;
GRANT DELETE ON subsidies.convention_signatories TO raaya_app;
GRANT INSERT (convention_id, amendment, reason_ar, reason_fr, previous_terms, signed_on, created_by) ON subsidies.convention_versions TO raaya_app;
GRANT INSERT (convention_id, year, position, planned_on, amount_mad) ON subsidies.tranches TO raaya_app;
GRANT UPDATE (planned_on, amount_mad, status, conditions_met_on, released_on, released_by, override_reason, overridden_by, paid_on)
  ON subsidies.tranches TO raaya_app;
GRANT DELETE ON subsidies.tranches TO raaya_app;
GRANT INSERT (tranche_id, condition_code, blocking) ON subsidies.tranche_conditions TO raaya_app;
GRANT UPDATE (blocking, confirmed, confirmed_by, confirmed_at, note) ON subsidies.tranche_conditions TO raaya_app;
GRANT DELETE ON subsidies.tranche_conditions TO raaya_app;
GRANT INSERT (tranche_id, payment_order, payment_reference, paid_on, amount_mad, rib, created_by) ON subsidies.disbursements TO raaya_app;
GRANT INSERT (tranche_id, submitted_on, submitted_by) ON subsidies.justifications TO raaya_app;
GRANT UPDATE (state, accepted_mad, review_reason, reviewed_by, reviewed_on) ON subsidies.justifications TO raaya_app;
GRANT INSERT (justification_id, institution_id, finance_entry_id, document_id, spent_on, description, amount_mad) ON subsidies.justification_lines TO raaya_app;
GRANT DELETE ON subsidies.justification_lines TO raaya_app;
GRANT INSERT (association_id, convention_id, kind, starts_on, ends_on, team, summary, created_by) ON subsidies.audit_missions TO raaya_app;
GRANT UPDATE (kind, starts_on, ends_on, status, team, summary) ON subsidies.audit_missions TO raaya_app;
GRANT INSERT (mission_id, severity, description, amount_in_question_mad) ON subsidies.audit_findings TO raaya_app;
GRANT UPDATE (severity, description, amount_in_question_mad, status, closed_on) ON subsidies.audit_findings TO raaya_app;
GRANT INSERT (finding_id, text, due_on) ON subsidies.audit_recommendations TO raaya_app;
GRANT UPDATE (text, due_on, status, follow_up, closed_on) ON subsidies.audit_recommendations TO raaya_app;

-- The shared money figures of a tranche, one definition for every screen, report and rule:
-- paid = the sum of its disbursements; justified = the amounts accepted by the delegation's reviews.
CREATE FUNCTION subsidies.paid_mad(p_tranche uuid) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(d.amount_mad), 0) FROM subsidies.disbursements d WHERE d.tranche_id = p_tranche
$$;
CREATE FUNCTION subsidies.justified_mad(p_tranche uuid) RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(j.accepted_mad), 0) FROM subsidies.justifications j
  WHERE j.tranche_id = p_tranche AND j.state IN ('justified', 'partly_justified')
$$;
GRANT EXECUTE ON FUNCTION subsidies.paid_mad(uuid), subsidies.justified_mad(uuid) TO raaya_app;
