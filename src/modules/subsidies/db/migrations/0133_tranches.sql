-- Tranches (issue 8 §2–3, decision 0027): release conditions evaluated from the data, release
-- refused by the database while a blocking condition is unmet (unless an authorised role overrides
-- it with a written reason), disbursements to the association's RIB only and never more than due,
-- and the delay figures every part reads the same way.

-- The roles that may release a tranche despite an unmet blocking condition. It mirrors the
-- 'subsidies.override' permission of src/modules/access/permissions.ts (a test keeps both equal):
-- the database cannot read the TypeScript table, and the refusal must not depend on the server.
CREATE FUNCTION subsidies.override_roles() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$ SELECT ARRAY['regional_coordinator', 'system_admin'] $$;

-- OR REPLACE: another part of the module may define the same helper (same body).
CREATE OR REPLACE FUNCTION subsidies.today() RETURNS date
LANGUAGE sql STABLE AS $$ SELECT (now() AT TIME ZONE 'Africa/Casablanca')::date $$;

-- The state of each condition attached to a tranche. auto_met: what Raaya's data says (NULL when it
-- holds nothing to decide from, e.g. a convention that covers no institution yet, or a manual
-- condition); met: the data's answer when there is one, otherwise the hand confirmation. An auto
-- condition the data declares unmet cannot be confirmed by hand: only an override releases it.
-- SECURITY DEFINER so that the answer never depends on what the caller happens to see (an open
-- critical finding must block even a user who cannot read audit findings); the tranche itself must
-- be in the caller's scope, or nothing is returned.
CREATE FUNCTION subsidies.condition_state(p_tranche uuid)
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

  -- Each covered institution's annual financial report approved during the tranche's year or the
  -- year before (the report on year N is approved during N+1).
  IF cardinality(institutions) > 0 THEN
    v_report := NOT EXISTS (
      SELECT 1 FROM unnest(institutions) AS i(id)
      WHERE NOT EXISTS (
        SELECT 1 FROM approvals.submissions s
        WHERE s.subject_type = 'institution_financial_report' AND s.institution_id = i.id AND s.state = 'approved'
          AND (SELECT max(st.at) FROM approvals.steps st WHERE st.submission_id = s.id AND st.action = 'approve')
              >= make_date(t.year - 1, 1, 1)));
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

CREATE FUNCTION subsidies.tranche_blocked(p_tranche uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM subsidies.condition_state(p_tranche) c WHERE c.blocking AND NOT c.met)
$$;

-- "Conditions met" is a day: the first day Raaya found the blocking conditions all met (when the
-- tranche is planned, a condition confirmed, the tranche's timeline read, or at the release).
-- Never moved once set; an override leaves it empty (the conditions were not met).
CREATE FUNCTION subsidies.note_conditions_met(p_tranche uuid) RETURNS date
LANGUAGE plpgsql AS $$
DECLARE
  result date;
BEGIN
  UPDATE subsidies.tranches t SET conditions_met_on = subsidies.today()
  WHERE t.id = p_tranche AND t.status = 'planned' AND t.conditions_met_on IS NULL AND NOT subsidies.tranche_blocked(t.id);
  SELECT t.conditions_met_on INTO result FROM subsidies.tranches t WHERE t.id = p_tranche;
  RETURN result;
END $$;

-- Planning rules: a tranche lies inside its convention's period, while the convention is still
-- open, and the year's tranches stay within Entraide Nationale's amount for that year. Serialised
-- per convention so that two plans made at once cannot both pass.
CREATE FUNCTION subsidies.check_tranche_plan() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c subsidies.conventions;
  planned numeric;
  allowed numeric;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status <> 'planned' AND (NEW.planned_on, NEW.amount_mad, NEW.year) IS DISTINCT FROM (OLD.planned_on, OLD.amount_mad, OLD.year) THEN
    RAISE EXCEPTION 'tranche % is no longer planned', OLD.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_not_planned';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('subsidies.tranches:' || NEW.convention_id::text, 0));
  SELECT * INTO c FROM subsidies.conventions WHERE id = NEW.convention_id;
  IF TG_OP = 'INSERT' AND c.status NOT IN ('draft', 'approved', 'signed') THEN
    RAISE EXCEPTION 'convention % is %', c.id, c.status USING ERRCODE = 'RA409', HINT = 'subsidies.errors.convention_not_open';
  END IF;
  IF (TG_OP = 'INSERT' OR NEW.planned_on <> OLD.planned_on) AND (NEW.planned_on < c.starts_on OR NEW.planned_on > c.ends_on) THEN
    RAISE EXCEPTION 'tranche date outside the convention period' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_outside_period';
  END IF;
  IF NEW.status <> 'cancelled' AND (TG_OP = 'INSERT' OR (NEW.amount_mad, NEW.year, NEW.status) IS DISTINCT FROM (OLD.amount_mad, OLD.year, OLD.status)) THEN
    SELECT coalesce(sum(t.amount_mad), 0) INTO planned FROM subsidies.tranches t
    WHERE t.convention_id = NEW.convention_id AND t.year = NEW.year AND t.status <> 'cancelled' AND t.id <> NEW.id;
    SELECT coalesce(sum(ca.amount_mad), 0) INTO allowed FROM subsidies.convention_amounts ca
    JOIN subsidies.convention_partners p ON p.id = ca.partner_id AND p.kind = 'entraide_nationale'
    WHERE ca.convention_id = NEW.convention_id AND ca.year = NEW.year;
    IF planned + NEW.amount_mad > allowed THEN
      RAISE EXCEPTION 'tranches exceed the yearly amount' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranches_exceed_year';
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER tranches_check_plan BEFORE INSERT OR UPDATE OF planned_on, amount_mad, year, status ON subsidies.tranches
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_tranche_plan();

-- The life of a tranche: planned → released → paid, or cancelled before any payment. Release is
-- refused while a blocking condition is unmet, unless an override role gives a written reason.
-- Who released and who overrode are the session's user, never what the caller claims.
CREATE FUNCTION subsidies.check_tranche_status() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c subsidies.conventions;
BEGIN
  IF NEW.conditions_met_on IS DISTINCT FROM OLD.conditions_met_on AND NOT (OLD.conditions_met_on IS NULL
     AND NEW.conditions_met_on = subsidies.today() AND OLD.status = 'planned' AND NOT subsidies.tranche_blocked(NEW.id)) THEN
    RAISE EXCEPTION 'conditions_met_on is the day the conditions were found met' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_transition';
  END IF;
  IF NEW.status = OLD.status THEN
    IF (NEW.override_reason, NEW.overridden_by, NEW.released_on, NEW.released_by, NEW.paid_on)
       IS DISTINCT FROM (OLD.override_reason, OLD.overridden_by, OLD.released_on, OLD.released_by, OLD.paid_on) THEN
      RAISE EXCEPTION 'release and payment are recorded by their transitions' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_transition';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'planned' AND NEW.status = 'released' THEN
    SELECT * INTO c FROM subsidies.conventions WHERE id = NEW.convention_id;
    IF c.status <> 'signed' THEN
      RAISE EXCEPTION 'convention % is not signed', c.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.convention_not_signed';
    END IF;
    NEW.released_on := subsidies.today();
    NEW.released_by := app.current_user_id();
    IF subsidies.tranche_blocked(NEW.id) THEN
      IF NEW.override_reason IS NULL THEN
        RAISE EXCEPTION 'tranche % has an unmet blocking condition', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_blocked';
      END IF;
      IF NOT coalesce(app.current_role() = ANY (subsidies.override_roles()), false) THEN
        RAISE EXCEPTION 'role % may not override', app.current_role() USING ERRCODE = 'RA409', HINT = 'subsidies.errors.override_not_allowed';
      END IF;
      IF length(trim(NEW.override_reason)) < 10 THEN
        RAISE EXCEPTION 'override reason too short' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.override_reason_required';
      END IF;
      NEW.overridden_by := app.current_user_id();
    ELSE
      -- Nothing to override: a reason given anyway is not kept (it would read as an override).
      NEW.override_reason := NULL;
      NEW.overridden_by := NULL;
      NEW.conditions_met_on := coalesce(OLD.conditions_met_on, NEW.released_on);
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'released' AND NEW.status = 'paid' THEN
    IF subsidies.paid_mad(NEW.id) <> NEW.amount_mad OR NEW.paid_on IS NULL THEN
      RAISE EXCEPTION 'tranche % is not fully disbursed', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_transition';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status IN ('planned', 'released') AND NEW.status = 'cancelled'
     AND NOT EXISTS (SELECT 1 FROM subsidies.disbursements d WHERE d.tranche_id = NEW.id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'tranche % cannot go from % to %', NEW.id, OLD.status, NEW.status USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_transition';
END $$;
CREATE TRIGGER tranches_check_status BEFORE UPDATE ON subsidies.tranches
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_tranche_status();

CREATE FUNCTION subsidies.check_tranche_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'planned' THEN
    RAISE EXCEPTION 'tranche % is no longer planned', OLD.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_not_planned';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER tranches_check_delete BEFORE DELETE ON subsidies.tranches
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_tranche_delete();

-- A hand confirmation is the session's user at the transaction's time.
-- Conditions are frozen once the tranche leaves 'planned' (the release judged them).
CREATE FUNCTION subsidies.stamp_confirmation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (SELECT t.status FROM subsidies.tranches t WHERE t.id = NEW.tranche_id) <> 'planned' THEN
    RAISE EXCEPTION 'conditions of tranche % are frozen', NEW.tranche_id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_not_planned';
  END IF;
  IF NEW.confirmed IS NULL THEN
    NEW.confirmed_by := NULL;
    NEW.confirmed_at := NULL;
    RETURN NEW;
  END IF;
  IF NEW.confirmed IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.confirmed IS DISTINCT FROM OLD.confirmed OR NEW.note IS DISTINCT FROM OLD.note) THEN
    NEW.confirmed_by := coalesce(app.current_user_id(), NEW.confirmed_by);
    NEW.confirmed_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER tranche_conditions_stamp BEFORE INSERT OR UPDATE ON subsidies.tranche_conditions
  FOR EACH ROW EXECUTE FUNCTION subsidies.stamp_confirmation();

-- Disbursements: on a released tranche, to the RIB the registry holds for the association, dated
-- between the release and today, and never beyond what is due. Serialised per tranche.
CREATE FUNCTION subsidies.check_disbursement() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  t subsidies.tranches;
  association_rib text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('subsidies.disbursements:' || NEW.tranche_id::text, 0));
  SELECT * INTO t FROM subsidies.tranches WHERE id = NEW.tranche_id;
  IF t.status <> 'released' THEN
    RAISE EXCEPTION 'tranche % is %', t.id, t.status USING ERRCODE = 'RA409', HINT = 'subsidies.errors.tranche_not_released';
  END IF;
  SELECT a.rib INTO association_rib FROM registry.associations a WHERE a.id = t.association_id;
  IF association_rib IS NULL OR regexp_replace(NEW.rib, '\s', '', 'g') <> regexp_replace(association_rib, '\s', '', 'g') THEN
    RAISE EXCEPTION 'RIB is not the association''s' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.rib_not_association';
  END IF;
  IF NEW.paid_on < t.released_on OR NEW.paid_on > subsidies.today() THEN
    RAISE EXCEPTION 'payment date outside release..today' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.payment_date';
  END IF;
  IF subsidies.paid_mad(t.id) + NEW.amount_mad > t.amount_mad THEN
    RAISE EXCEPTION 'payment exceeds what is due' USING ERRCODE = 'RA409', HINT = 'subsidies.errors.payment_exceeds_due';
  END IF;
  NEW.created_by := app.current_user_id();
  RETURN NEW;
END $$;
CREATE TRIGGER disbursements_check BEFORE INSERT ON subsidies.disbursements
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_disbursement();

-- The disbursement that completes the tranche marks it paid, on the latest payment's date.
CREATE FUNCTION subsidies.complete_tranche() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  UPDATE subsidies.tranches t SET status = 'paid',
    paid_on = (SELECT max(d.paid_on) FROM subsidies.disbursements d WHERE d.tranche_id = t.id)
  WHERE t.id = NEW.tranche_id AND t.status = 'released' AND subsidies.paid_mad(t.id) = t.amount_mad;
  RETURN NULL;
END $$;
CREATE TRIGGER disbursements_complete AFTER INSERT ON subsidies.disbursements
  FOR EACH ROW EXECUTE FUNCTION subsidies.complete_tranche();

-- The figures of a tranche, one definition for every part (fixed contract of the brief): paid,
-- justified, the delays in days (planned → paid, conditions met → paid), and whether it is late
-- (not fully paid and its date passed, or paid after its date). Read under the caller's scope.
CREATE VIEW subsidies.tranche_figures WITH (security_invoker = true) AS
SELECT t.id AS tranche_id, t.convention_id, t.year, t.position, t.planned_on, t.amount_mad, t.status,
  t.conditions_met_on, t.released_on, t.paid_on,
  subsidies.paid_mad(t.id) AS paid_mad,
  subsidies.justified_mad(t.id) AS justified_mad,
  t.paid_on - t.planned_on AS delay_planned_days,
  t.paid_on - t.conditions_met_on AS delay_conditions_days,
  CASE WHEN t.status IN ('planned', 'released') AND t.planned_on < subsidies.today() THEN subsidies.today() - t.planned_on END AS overdue_days,
  (t.status IN ('planned', 'released') AND t.planned_on < subsidies.today()) OR (t.status = 'paid' AND t.paid_on > t.planned_on) AS late,
  t.region_id, t.delegation_id, t.association_id
FROM subsidies.tranches t;

-- The names of the people who released, overrode, confirmed or paid a convention's tranches, as
-- the tranche pages show them: their accounts may lie outside the reader's scope (a delegate reads
-- the regional coordinator who overrode). Only for a convention the caller sees.
CREATE FUNCTION subsidies.convention_people(p_convention uuid)
RETURNS TABLE (user_id uuid, full_name_ar text, full_name_fr text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH visible AS (
    SELECT c.id FROM subsidies.conventions c
    WHERE c.id = p_convention AND coalesce(app.scope_allows(c.region_id, c.delegation_id, c.association_id, NULL), false)
  ), ids AS (
    SELECT t.released_by AS id FROM subsidies.tranches t JOIN visible v ON v.id = t.convention_id
    UNION SELECT t.overridden_by FROM subsidies.tranches t JOIN visible v ON v.id = t.convention_id
    UNION SELECT tc.confirmed_by FROM subsidies.tranche_conditions tc JOIN subsidies.tranches t ON t.id = tc.tranche_id JOIN visible v ON v.id = t.convention_id
  )
  SELECT u.id, u.full_name_ar, u.full_name_fr FROM access.users u JOIN ids ON ids.id = u.id
$$;

-- The "due this month" page of a delegation and the late-tranche deadline read tranches still owed
-- by date within a delegation.
CREATE INDEX tranches_owed_delegation_idx ON subsidies.tranches (delegation_id, planned_on, id) WHERE status IN ('planned', 'released');
CREATE INDEX tranches_convention_idx ON subsidies.tranches (convention_id, year, position);

GRANT EXECUTE ON FUNCTION subsidies.override_roles(), subsidies.today(), subsidies.condition_state(uuid),
  subsidies.tranche_blocked(uuid), subsidies.note_conditions_met(uuid), subsidies.convention_people(uuid) TO raaya_app;
GRANT SELECT ON subsidies.tranche_figures TO raaya_app;
