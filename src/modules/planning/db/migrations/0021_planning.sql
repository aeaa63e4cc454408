-- Annual action plans of the provincial delegations (PRODUCT.md §2.8): one plan per delegation
-- and year, in three sections that go through the approval workflow (delegation → region →
-- central): the diagnosis (on the plan row), the objectives and the activities. Each table
-- attaches approvals.guard(), so a submitted or approved section cannot be written, by anyone.

CREATE SCHEMA planning;
GRANT USAGE ON SCHEMA planning TO raaya_app;

CREATE TABLE planning.plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  delegation_id uuid NOT NULL REFERENCES organisation.delegations(id),
  region_id uuid REFERENCES territory.regions(id),
  year int NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  diagnosis text NOT NULL DEFAULT '' CHECK (length(diagnosis) <= 20000),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (delegation_id, year)
);
CREATE INDEX plans_year_idx ON planning.plans (year DESC, id);
CREATE INDEX plans_region_idx ON planning.plans (region_id, year DESC, id);

CREATE TABLE planning.objectives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES planning.plans(id) ON DELETE CASCADE,
  position int NOT NULL CHECK (position BETWEEN 1 AND 100),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  indicator text NOT NULL CHECK (length(indicator) BETWEEN 1 AND 300),
  baseline numeric(14, 2) NOT NULL CHECK (baseline >= 0),
  target numeric(14, 2) NOT NULL CHECK (target >= 0),
  region_id uuid,
  delegation_id uuid,
  UNIQUE (plan_id, position)
);

CREATE TABLE planning.activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES planning.plans(id) ON DELETE CASCADE,
  position int NOT NULL CHECK (position BETWEEN 1 AND 200),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  quarter int NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  -- Dirhams, exact to the centime.
  budget_mad numeric(14, 2) NOT NULL CHECK (budget_mad >= 0),
  region_id uuid,
  delegation_id uuid,
  UNIQUE (plan_id, position)
);

-- A plan carries its delegation's region; its lines carry the plan's keys (scope and audit).
CREATE TRIGGER plans_fill_scope_keys BEFORE INSERT OR UPDATE ON planning.plans
  FOR EACH ROW EXECUTE FUNCTION access.fill_scope_keys();
CREATE FUNCTION planning.fill_line_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.region_id, p.delegation_id INTO NEW.region_id, NEW.delegation_id FROM planning.plans p WHERE p.id = NEW.plan_id;
  RETURN NEW;
END $$;
CREATE TRIGGER objectives_fill_keys BEFORE INSERT OR UPDATE ON planning.objectives
  FOR EACH ROW EXECUTE FUNCTION planning.fill_line_keys();
CREATE TRIGGER activities_fill_keys BEFORE INSERT OR UPDATE ON planning.activities
  FOR EACH ROW EXECUTE FUNCTION planning.fill_line_keys();

-- The approval lock (0020): the plan row is the 'diagnosis' section.
CREATE TRIGGER plans_locked BEFORE UPDATE OR DELETE ON planning.plans
  FOR EACH ROW EXECUTE FUNCTION approvals.guard('delegation_action_plan', 'id', 'diagnosis');
CREATE TRIGGER objectives_locked BEFORE INSERT OR UPDATE OR DELETE ON planning.objectives
  FOR EACH ROW EXECUTE FUNCTION approvals.guard('delegation_action_plan', 'plan_id', 'objectives');
CREATE TRIGGER activities_locked BEFORE INSERT OR UPDATE OR DELETE ON planning.activities
  FOR EACH ROW EXECUTE FUNCTION approvals.guard('delegation_action_plan', 'plan_id', 'activities');

CREATE TRIGGER plans_touch BEFORE UPDATE ON planning.plans FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER plans_audit AFTER INSERT OR UPDATE OR DELETE ON planning.plans FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER objectives_audit AFTER INSERT OR UPDATE OR DELETE ON planning.objectives FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER activities_audit AFTER INSERT OR UPDATE OR DELETE ON planning.activities FOR EACH ROW EXECUTE FUNCTION audit.capture();

ALTER TABLE planning.plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE planning.objectives ENABLE ROW LEVEL SECURITY;
ALTER TABLE planning.activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY plans_in_scope ON planning.plans TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, NULL, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, NULL, NULL));
CREATE POLICY objectives_in_scope ON planning.objectives TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, NULL, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, NULL, NULL));
CREATE POLICY activities_in_scope ON planning.activities TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, NULL, NULL))
  WITH CHECK (app.scope_allows(region_id, delegation_id, NULL, NULL));

GRANT SELECT ON planning.plans, planning.objectives, planning.activities TO raaya_app;
GRANT INSERT (delegation_id, year, diagnosis, created_by) ON planning.plans TO raaya_app;
GRANT UPDATE (diagnosis) ON planning.plans TO raaya_app;
GRANT INSERT (plan_id, position, title, indicator, baseline, target) ON planning.objectives TO raaya_app;
GRANT INSERT (plan_id, position, title, quarter, budget_mad) ON planning.activities TO raaya_app;
GRANT DELETE ON planning.objectives, planning.activities TO raaya_app;
