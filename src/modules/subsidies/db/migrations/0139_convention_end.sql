-- The end of a convention (issue 8 §1): closed once every tranche is settled, or cancelled
-- (terminated) with a written reason. Either way the day and the person are recorded, and no
-- tranche may be left planned or released: what was paid stays paid, what was not is cancelled
-- in the same transaction. A closed or cancelled convention is not reopened (0131 orders the statuses).

ALTER TABLE subsidies.conventions
  ADD COLUMN ended_on date,
  ADD COLUMN ended_by uuid REFERENCES access.users(id),
  ADD COLUMN end_reason text CHECK (length(end_reason) BETWEEN 3 AND 2000);

ALTER TABLE subsidies.conventions
  ADD CONSTRAINT conventions_end_dated CHECK ((status IN ('closed', 'cancelled')) = (ended_on IS NOT NULL)),
  ADD CONSTRAINT conventions_cancel_reason CHECK (status <> 'cancelled' OR end_reason IS NOT NULL);

CREATE FUNCTION subsidies.check_convention_end() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.status IN ('closed', 'cancelled') AND NEW.status IS DISTINCT FROM OLD.status THEN
    IF EXISTS (SELECT 1 FROM subsidies.tranches t WHERE t.convention_id = NEW.id AND t.status IN ('planned', 'released')) THEN
      RAISE EXCEPTION 'convention % still has tranches to settle', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.open_tranches';
    END IF;
    -- The day is today and the person is the session's user: neither is the caller's to choose.
    NEW.ended_on := subsidies.today();
    NEW.ended_by := app.current_user_id();
  ELSIF (NEW.ended_on, NEW.ended_by, NEW.end_reason) IS DISTINCT FROM (OLD.ended_on, OLD.ended_by, OLD.end_reason) THEN
    RAISE EXCEPTION 'the end of convention % is recorded once', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.status_order';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER conventions_check_end BEFORE UPDATE ON subsidies.conventions
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_convention_end();

GRANT UPDATE (end_reason) ON subsidies.conventions TO raaya_app;

-- Who ended the convention is named on its page, like the tranches' releasers (0133).
CREATE OR REPLACE FUNCTION subsidies.convention_people(p_convention uuid)
RETURNS TABLE (user_id uuid, full_name_ar text, full_name_fr text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH visible AS (
    SELECT c.id, c.ended_by FROM subsidies.conventions c
    WHERE c.id = p_convention AND coalesce(app.scope_allows(c.region_id, c.delegation_id, c.association_id, NULL), false)
  ), ids AS (
    SELECT t.released_by AS id FROM subsidies.tranches t JOIN visible v ON v.id = t.convention_id
    UNION SELECT t.overridden_by FROM subsidies.tranches t JOIN visible v ON v.id = t.convention_id
    UNION SELECT tc.confirmed_by FROM subsidies.tranche_conditions tc JOIN subsidies.tranches t ON t.id = tc.tranche_id JOIN visible v ON v.id = t.convention_id
    UNION SELECT v.ended_by FROM visible v
  )
  SELECT u.id, u.full_name_ar, u.full_name_fr FROM access.users u JOIN ids ON ids.id = u.id
$$;
