-- Versioned forms with scores (platform service). A form (code, purpose, titles) has numbered
-- versions; a version's definition (sections and questions, validated by the FormDefinition Zod
-- schema before it gets here) is editable while it is a draft, and frozen once published: the
-- trigger below refuses to change or delete a published or retired version, whoever asks.
-- Responses answer one version about one subject (a delegation today; institutions, inspections
-- later) and carry the subject's scope keys, so row-level security scopes them like the subject.

CREATE SCHEMA forms;
GRANT USAGE ON SCHEMA forms TO raaya_app;

CREATE TABLE forms.forms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_-]{2,59}$'),
  purpose text NOT NULL CHECK (purpose IN ('self_diagnosis', 'inspection_checklist', 'diagnosis', 'training_evaluation', 'survey')),
  title_ar text NOT NULL CHECK (length(title_ar) BETWEEN 1 AND 300),
  title_fr text NOT NULL CHECK (length(title_fr) BETWEEN 1 AND 300),
  -- Codes of institution categories and target groups (the registry will own these lists).
  institution_categories text[] NOT NULL DEFAULT '{}' CHECK (cardinality(institution_categories) <= 30),
  target_groups text[] NOT NULL DEFAULT '{}' CHECK (cardinality(target_groups) <= 30),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forms_purpose_idx ON forms.forms (purpose, code);
CREATE INDEX forms_search_trgm_idx ON forms.forms USING gin (lower(code || ' ' || title_fr || ' ' || title_ar) gin_trgm_ops);
CREATE INDEX forms_categories_idx ON forms.forms USING gin (institution_categories);
CREATE INDEX forms_target_groups_idx ON forms.forms USING gin (target_groups);

CREATE TABLE forms.form_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  form_id uuid NOT NULL REFERENCES forms.forms(id),
  version int NOT NULL CHECK (version >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  definition jsonb NOT NULL CHECK (jsonb_typeof(definition) = 'object' AND jsonb_typeof(definition->'sections') = 'array'),
  created_by uuid REFERENCES access.users(id),
  published_at timestamptz,
  published_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (form_id, version),
  CONSTRAINT form_versions_published_stamp CHECK ((status = 'draft') = (published_at IS NULL))
);
-- One draft at a time per form: a new version is a copy of the latest, edited, then published.
CREATE UNIQUE INDEX form_versions_one_draft ON forms.form_versions (form_id) WHERE status = 'draft';
CREATE INDEX form_versions_published_idx ON forms.form_versions (form_id, version DESC) WHERE status = 'published';

-- Published versions never change: their definition, number and form are frozen, they cannot go
-- back to draft, and they are never deleted (responses point at them). Only published → retired.
CREATE FUNCTION forms.freeze_published_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'form version % is published and cannot be deleted', OLD.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'form_version_published_immutable';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.version <> OLD.version
      OR NEW.form_id <> OLD.form_id OR NEW.status = 'draft' OR NEW.published_at IS DISTINCT FROM OLD.published_at
      OR NEW.published_by IS DISTINCT FROM OLD.published_by OR (OLD.status = 'retired' AND NEW.status <> 'retired')) THEN
    RAISE EXCEPTION 'form version % is published and cannot be changed', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'form_version_published_immutable';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER form_versions_freeze BEFORE UPDATE OR DELETE ON forms.form_versions
  FOR EACH ROW EXECUTE FUNCTION forms.freeze_published_version();

CREATE TABLE forms.responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id uuid NOT NULL REFERENCES forms.form_versions(id),
  form_id uuid NOT NULL REFERENCES forms.forms(id),
  -- The record the answers are about, and its scope keys (copied from it).
  subject_type text NOT NULL CHECK (subject_type ~ '^[a-z][a-z_]{1,39}$'),
  subject_id uuid NOT NULL,
  region_id uuid REFERENCES territory.regions(id),
  delegation_id uuid,
  association_id uuid,
  institution_id uuid,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  answers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(answers) = 'object'),
  -- Computed by the server from the answers and the version (engine.ts), never taken from a client.
  total_score int NOT NULL DEFAULT 0,
  max_score int NOT NULL DEFAULT 0 CHECK (max_score >= 0),
  section_scores jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(section_scores) = 'array'),
  created_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  submitted_by uuid REFERENCES access.users(id),
  CONSTRAINT responses_submitted_stamp CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND submitted_by IS NOT NULL)),
  -- A delegation answers about itself: its keys are its own, pinned to its region.
  CONSTRAINT responses_delegation_subject CHECK (subject_type <> 'delegation' OR (delegation_id = subject_id AND region_id IS NOT NULL)),
  FOREIGN KEY (delegation_id, region_id) REFERENCES organisation.delegations(id, region_id)
);
CREATE INDEX responses_subject_idx ON forms.responses (subject_type, subject_id, created_at DESC, id DESC);
CREATE INDEX responses_form_idx ON forms.responses (form_id, created_at DESC, id DESC);
CREATE INDEX responses_region_idx ON forms.responses (region_id, created_at DESC, id DESC);
CREATE INDEX responses_delegation_idx ON forms.responses (delegation_id, created_at DESC, id DESC);
CREATE INDEX responses_status_idx ON forms.responses (status, created_at DESC, id DESC);
CREATE INDEX responses_created_idx ON forms.responses (created_at DESC, id DESC);
CREATE INDEX responses_version_idx ON forms.responses (version_id);

-- A response answers a published version of its own form; a submitted response is final.
CREATE FUNCTION forms.check_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'submitted' THEN
    RAISE EXCEPTION 'response % is submitted and cannot be changed', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'response_submitted_immutable';
  END IF;
  IF TG_OP = 'UPDATE' AND (NEW.version_id <> OLD.version_id OR NEW.subject_id <> OLD.subject_id OR NEW.subject_type <> OLD.subject_type) THEN
    RAISE EXCEPTION 'a response keeps its version and subject'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'response_version_fixed';
  END IF;
  -- A new response needs the published version; a draft begun before a newer version was
  -- published (the older one then retired) may still be completed on the version it started with.
  IF NOT EXISTS (SELECT 1 FROM forms.form_versions v WHERE v.id = NEW.version_id AND v.form_id = NEW.form_id
      AND (v.status = 'published' OR (TG_OP = 'UPDATE' AND v.status = 'retired'))) THEN
    RAISE EXCEPTION 'version % is not a published version of form %', NEW.version_id, NEW.form_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'response_version_published';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER responses_check BEFORE INSERT OR UPDATE ON forms.responses FOR EACH ROW EXECUTE FUNCTION forms.check_response();

CREATE TRIGGER forms_touch BEFORE UPDATE ON forms.forms FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER form_versions_touch BEFORE UPDATE ON forms.form_versions FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER responses_touch BEFORE UPDATE ON forms.responses FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();

CREATE TRIGGER forms_audit AFTER INSERT OR UPDATE OR DELETE ON forms.forms FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER form_versions_audit AFTER INSERT OR UPDATE OR DELETE ON forms.form_versions FOR EACH ROW EXECUTE FUNCTION audit.capture();
CREATE TRIGGER responses_audit AFTER INSERT OR UPDATE OR DELETE ON forms.responses FOR EACH ROW EXECUTE FUNCTION audit.capture();

-- Definitions are reference data: every signed-in user reads them; only the national level
-- writes them (the service also requires the forms.design permission).
ALTER TABLE forms.forms ENABLE ROW LEVEL SECURITY;
ALTER TABLE forms.form_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE forms.responses ENABLE ROW LEVEL SECURITY;

CREATE POLICY forms_read ON forms.forms FOR SELECT TO raaya_app USING (app.current_user_id() IS NOT NULL);
CREATE POLICY forms_insert ON forms.forms FOR INSERT TO raaya_app WITH CHECK (app.current_scope_level() = 'nation');
CREATE POLICY forms_update ON forms.forms FOR UPDATE TO raaya_app
  USING (app.current_scope_level() = 'nation') WITH CHECK (app.current_scope_level() = 'nation');
CREATE POLICY form_versions_read ON forms.form_versions FOR SELECT TO raaya_app USING (app.current_user_id() IS NOT NULL);
CREATE POLICY form_versions_insert ON forms.form_versions FOR INSERT TO raaya_app WITH CHECK (app.current_scope_level() = 'nation');
CREATE POLICY form_versions_update ON forms.form_versions FOR UPDATE TO raaya_app
  USING (app.current_scope_level() = 'nation') WITH CHECK (app.current_scope_level() = 'nation');
CREATE POLICY form_versions_delete ON forms.form_versions FOR DELETE TO raaya_app USING (app.current_scope_level() = 'nation');

CREATE POLICY responses_in_scope ON forms.responses TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id))
  WITH CHECK (app.scope_allows(region_id, delegation_id, association_id, institution_id));

GRANT SELECT ON forms.forms, forms.form_versions, forms.responses TO raaya_app;
GRANT INSERT (code, purpose, title_ar, title_fr, institution_categories, target_groups, created_by) ON forms.forms TO raaya_app;
GRANT UPDATE (purpose, title_ar, title_fr, institution_categories, target_groups) ON forms.forms TO raaya_app;
GRANT INSERT (form_id, version, status, definition, created_by) ON forms.form_versions TO raaya_app;
GRANT UPDATE (definition, status, published_at, published_by) ON forms.form_versions TO raaya_app;
GRANT DELETE ON forms.form_versions TO raaya_app;
GRANT INSERT (version_id, form_id, subject_type, subject_id, region_id, delegation_id, association_id, institution_id,
  status, answers, total_score, max_score, section_scores, created_by, submitted_at, submitted_by) ON forms.responses TO raaya_app;
GRANT UPDATE (status, answers, total_score, max_score, section_scores, submitted_at, submitted_by) ON forms.responses TO raaya_app;
