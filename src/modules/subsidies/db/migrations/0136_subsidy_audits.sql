-- Audit missions (issue 8 §5, decision 0028): planned or unannounced, on an association or one of
-- its conventions; a team, dates; findings with a severity and the amount in question;
-- recommendations followed up to closure. An open critical finding is what the tranches part's
-- condition "no_open_critical_finding" reads (index audit_findings_open_critical_idx, 0130).
-- The lifecycle rules are the database's: refusals raise RA409 with their message key.

ALTER TABLE subsidies.audit_missions ADD CONSTRAINT audit_missions_team_list CHECK (jsonb_typeof(team) = 'array');
ALTER TABLE subsidies.audit_recommendations ADD CONSTRAINT audit_recommendations_done_followed
  CHECK (status <> 'done' OR length(btrim(coalesce(follow_up, ''))) > 0);
-- Lists of a scope by start date (keyset) and a mission's findings.
CREATE INDEX audit_missions_scope_idx ON subsidies.audit_missions (starts_on DESC, id);
CREATE INDEX audit_missions_convention_idx ON subsidies.audit_missions (convention_id) WHERE convention_id IS NOT NULL;
CREATE INDEX audit_findings_mission_idx ON subsidies.audit_findings (mission_id, id);
CREATE INDEX audit_recommendations_finding_idx ON subsidies.audit_recommendations (finding_id, id);
CREATE INDEX audit_recommendations_open_due_idx ON subsidies.audit_recommendations (due_on, id) WHERE status IN ('open', 'in_progress');

-- An unannounced mission is not shown to the audited association (or its institutions) before its
-- first day: the surprise is the point. Staff scopes see it from its creation.
CREATE POLICY audit_missions_unannounced_hidden ON subsidies.audit_missions AS RESTRICTIVE TO raaya_app
  USING (kind = 'planned' OR starts_on <= (now() AT TIME ZONE 'Africa/Casablanca')::date
         OR coalesce(app.current_scope_level(), '') NOT IN ('association', 'institution'));

CREATE FUNCTION subsidies.check_audit_mission() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.convention_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM subsidies.conventions c WHERE c.id = NEW.convention_id AND c.association_id = NEW.association_id) THEN
    RAISE EXCEPTION 'convention % is not the association''s', NEW.convention_id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.mission_convention_foreign';
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'planned' THEN
      RAISE EXCEPTION 'a mission starts planned' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.mission_status';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status <> OLD.status THEN
    -- Forward only, one step at a time: planned → in_progress → reported → closed.
    IF array_position(ARRAY['planned', 'in_progress', 'reported', 'closed'], NEW.status)
       <> array_position(ARRAY['planned', 'in_progress', 'reported', 'closed'], OLD.status) + 1 THEN
      RAISE EXCEPTION 'mission % cannot go from % to %', NEW.id, OLD.status, NEW.status USING ERRCODE = 'RA409', HINT = 'subsidies.errors.mission_status';
    END IF;
    IF NEW.status = 'reported' AND length(btrim(coalesce(NEW.summary, ''))) = 0 THEN
      RAISE EXCEPTION 'a report needs its summary' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.mission_summary_required';
    END IF;
    IF NEW.status = 'closed' AND EXISTS (SELECT 1 FROM subsidies.audit_findings f WHERE f.mission_id = NEW.id AND f.status = 'open') THEN
      RAISE EXCEPTION 'mission % has open findings', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.mission_open_findings';
    END IF;
  ELSIF OLD.status = 'closed' THEN
    RAISE EXCEPTION 'mission % is closed', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.mission_closed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_missions_rules BEFORE INSERT OR UPDATE ON subsidies.audit_missions
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_audit_mission();

-- Findings are recorded while the mission is under way or being reported; one is closed only once
-- every recommendation on it is done or dropped; a closed finding stays closed.
CREATE FUNCTION subsidies.check_audit_finding() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  mission_status text;
BEGIN
  SELECT status INTO mission_status FROM subsidies.audit_missions WHERE id = NEW.mission_id;
  IF TG_OP = 'INSERT' THEN
    IF mission_status NOT IN ('in_progress', 'reported') THEN
      RAISE EXCEPTION 'findings are recorded during the mission' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.finding_mission_not_running';
    END IF;
    IF NEW.status <> 'open' THEN
      RAISE EXCEPTION 'a finding starts open' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.finding_closed';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'closed' THEN
    RAISE EXCEPTION 'finding % is closed', OLD.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.finding_closed';
  END IF;
  IF NEW.status = 'closed' AND EXISTS (
    SELECT 1 FROM subsidies.audit_recommendations r WHERE r.finding_id = NEW.id AND r.status IN ('open', 'in_progress')) THEN
    RAISE EXCEPTION 'finding % has open recommendations', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.finding_open_recommendations';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_findings_rules BEFORE INSERT OR UPDATE ON subsidies.audit_findings
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_audit_finding();

-- A recommendation is added to an open finding; once done or dropped it is final.
CREATE FUNCTION subsidies.check_audit_recommendation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM subsidies.audit_findings f WHERE f.id = NEW.finding_id AND f.status = 'closed') THEN
      RAISE EXCEPTION 'finding % is closed', NEW.finding_id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.finding_closed';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status IN ('done', 'dropped') THEN
    RAISE EXCEPTION 'recommendation % is closed', OLD.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.recommendation_closed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_recommendations_rules BEFORE INSERT OR UPDATE ON subsidies.audit_recommendations
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_audit_recommendation();

-- Missions, findings and recommendations are kept (history of the follow-up).
CREATE FUNCTION subsidies.refuse_audit_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are kept' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.audit_kept';
END $$;
CREATE TRIGGER audit_missions_kept BEFORE DELETE ON subsidies.audit_missions FOR EACH ROW EXECUTE FUNCTION subsidies.refuse_audit_delete();
