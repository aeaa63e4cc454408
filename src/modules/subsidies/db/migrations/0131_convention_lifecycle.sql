-- Conventions part (decision 0026): the life of a convention in the database.
--  * Each amendment (avenant) is its own approval subject: convention_versions.subject_id. The terms
--    and funding of a convention are governed by the submission of its latest amendment (or of the
--    convention itself before any): the foundation's lock triggers (0130), which always looked at the
--    original submission (approved = locked for ever), are replaced by one that follows the governing
--    submission. The lock itself stays the approvals one: 'submitted' or 'approved' sections refuse.
--  * A convention cannot be submitted while its yearly amounts do not add up to its total, while
--    Entraide Nationale is not among its partners, or while it covers no institution (RA409).
--  * Status moves only draft → approved (after an approved submission) → signed → closed, or to
--    cancelled before closing; an amendment opens only on a signed convention whose governing
--    submission is approved and whose previous amendment is signed.

-- The reference's number is drawn by the application role (missing from 0130).
GRANT USAGE ON SEQUENCE subsidies.convention_number TO raaya_app;

ALTER TABLE subsidies.convention_versions ADD COLUMN subject_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE subsidies.convention_versions ADD CONSTRAINT convention_versions_subject_key UNIQUE (subject_id);
GRANT UPDATE (signed_on) ON subsidies.convention_versions TO raaya_app;

-- Filters of the convention list (partner kind, status), each with its index.
CREATE INDEX convention_partners_kind_idx ON subsidies.convention_partners (kind, convention_id);
CREATE INDEX conventions_status_idx ON subsidies.conventions (status, starts_on DESC, id);

-- The approval subject that governs a convention's terms now: its latest amendment's, or its own.
-- SECURITY DEFINER: row-level security must not hide the amendment from the lock.
CREATE FUNCTION subsidies.approval_subject(p_convention uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT v.subject_id FROM subsidies.convention_versions v
    JOIN subsidies.conventions c ON c.id = v.convention_id AND v.amendment = c.amendment
    WHERE v.convention_id = p_convention), p_convention)
$$;
GRANT EXECUTE ON FUNCTION subsidies.approval_subject(uuid) TO raaya_app;

-- The state of one section of the governing submission (NULL when none was opened yet).
CREATE FUNCTION subsidies.section_state(p_convention uuid, p_section text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT ss.state FROM approvals.submissions s
  JOIN approvals.section_states ss ON ss.submission_id = s.id AND ss.section_key = p_section
  WHERE s.subject_type IN ('subsidy_convention', 'subsidy_convention_region')
    AND s.subject_id = subsidies.approval_subject(p_convention)
$$;

-- The lock (arguments: column holding the convention id, section key).
CREATE FUNCTION subsidies.guard_convention() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r jsonb;
BEGIN
  FOREACH r IN ARRAY CASE TG_OP
      WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)]
      WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)]
      ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END LOOP
    IF subsidies.section_state((r ->> TG_ARGV[0])::uuid, TG_ARGV[1]) IN ('submitted', 'approved') THEN
      RAISE EXCEPTION 'section % of convention % is locked', TG_ARGV[1], r ->> TG_ARGV[0]
        USING ERRCODE = 'RA409', HINT = 'approvals.errors.locked';
    END IF;
  END LOOP;
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;

DROP TRIGGER conventions_locked ON subsidies.conventions;
DROP TRIGGER conventions_locked_region ON subsidies.conventions;
DROP TRIGGER convention_institutions_locked ON subsidies.convention_institutions;
DROP TRIGGER convention_institutions_locked_region ON subsidies.convention_institutions;
DROP TRIGGER convention_partners_locked ON subsidies.convention_partners;
DROP TRIGGER convention_partners_locked_region ON subsidies.convention_partners;
DROP TRIGGER convention_amounts_locked ON subsidies.convention_amounts;
DROP TRIGGER convention_amounts_locked_region ON subsidies.convention_amounts;
DROP TRIGGER convention_obligations_locked ON subsidies.convention_obligations;
DROP TRIGGER convention_obligations_locked_region ON subsidies.convention_obligations;

CREATE TRIGGER conventions_locked BEFORE UPDATE OF association_id, object_ar, object_fr, starts_on, ends_on, total_mad, owner_level, region_id, delegation_id OR DELETE
  ON subsidies.conventions FOR EACH ROW EXECUTE FUNCTION subsidies.guard_convention('id', 'terms');
CREATE TRIGGER convention_institutions_locked BEFORE INSERT OR UPDATE OR DELETE ON subsidies.convention_institutions
  FOR EACH ROW EXECUTE FUNCTION subsidies.guard_convention('convention_id', 'terms');
CREATE TRIGGER convention_partners_locked BEFORE INSERT OR UPDATE OR DELETE ON subsidies.convention_partners
  FOR EACH ROW EXECUTE FUNCTION subsidies.guard_convention('convention_id', 'funding');
CREATE TRIGGER convention_amounts_locked BEFORE INSERT OR UPDATE OR DELETE ON subsidies.convention_amounts
  FOR EACH ROW EXECUTE FUNCTION subsidies.guard_convention('convention_id', 'funding');
CREATE TRIGGER convention_obligations_locked BEFORE INSERT OR UPDATE OR DELETE ON subsidies.convention_obligations
  FOR EACH ROW EXECUTE FUNCTION subsidies.guard_convention('convention_id', 'funding');

-- What a convention must hold before it goes to its reviewers (original or amendment).
CREATE FUNCTION subsidies.check_submittable() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
  v_sum numeric;
BEGIN
  SELECT cv.* INTO c FROM subsidies.conventions cv
  WHERE cv.id = NEW.subject_id OR cv.id = (SELECT v.convention_id FROM subsidies.convention_versions v WHERE v.subject_id = NEW.subject_id);
  IF NOT FOUND THEN RETURN NEW; END IF;
  IF NOT EXISTS (SELECT 1 FROM subsidies.convention_institutions i WHERE i.convention_id = c.id) THEN
    RAISE EXCEPTION 'convention % covers no institution', c.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.no_institution';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM subsidies.convention_partners p WHERE p.convention_id = c.id AND p.kind = 'entraide_nationale') THEN
    RAISE EXCEPTION 'convention % has no Entraide Nationale partner', c.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.no_en_partner';
  END IF;
  IF EXISTS (SELECT 1 FROM subsidies.convention_amounts a WHERE a.convention_id = c.id
      AND a.year NOT BETWEEN extract(year FROM c.starts_on) AND extract(year FROM c.ends_on)) THEN
    RAISE EXCEPTION 'convention % has an amount outside its period', c.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.amount_year_outside';
  END IF;
  SELECT coalesce(sum(a.amount_mad), 0) INTO v_sum FROM subsidies.convention_amounts a WHERE a.convention_id = c.id;
  IF v_sum <> c.total_mad THEN
    RAISE EXCEPTION 'amounts of convention % add up to % not %', c.id, v_sum, c.total_mad USING ERRCODE = 'RA409', HINT = 'subsidies.errors.amounts_total';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER subsidy_convention_submittable BEFORE UPDATE OF state ON approvals.submissions
  FOR EACH ROW WHEN (NEW.state = 'submitted' AND OLD.state IN ('draft', 'returned')
    AND NEW.subject_type IN ('subsidy_convention', 'subsidy_convention_region'))
  EXECUTE FUNCTION subsidies.check_submittable();

-- The convention's status follows its approval and signature, in this order only.
CREATE FUNCTION subsidies.check_status() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.status = OLD.status THEN
    NULL;
  ELSIF NEW.status = 'approved' AND OLD.status = 'draft' THEN
    IF NOT EXISTS (SELECT 1 FROM approvals.submissions s WHERE s.subject_id = NEW.id AND s.state = 'approved'
        AND s.subject_type IN ('subsidy_convention', 'subsidy_convention_region')) THEN
      RAISE EXCEPTION 'convention % is not approved', NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.not_approved';
    END IF;
  ELSIF NOT ((OLD.status, NEW.status) IN (('approved', 'signed'), ('signed', 'closed'), ('draft', 'cancelled'),
      ('approved', 'cancelled'), ('signed', 'cancelled'))) THEN
    RAISE EXCEPTION 'convention % cannot go from % to %', NEW.id, OLD.status, NEW.status
      USING ERRCODE = 'RA409', HINT = 'subsidies.errors.status_order';
  END IF;
  IF NEW.amendment <> OLD.amendment AND NOT EXISTS (SELECT 1 FROM subsidies.convention_versions v
      WHERE v.convention_id = NEW.id AND v.amendment = NEW.amendment) THEN
    RAISE EXCEPTION 'amendment % of convention % does not exist', NEW.amendment, NEW.id USING ERRCODE = 'RA409', HINT = 'subsidies.errors.amendment_not_allowed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER conventions_status_order BEFORE UPDATE OF status, amendment ON subsidies.conventions
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_status();

-- An amendment opens on a signed convention whose current terms are approved and signed.
CREATE FUNCTION subsidies.check_amendment_opening() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  c record;
BEGIN
  SELECT cv.status, cv.amendment INTO c FROM subsidies.conventions cv WHERE cv.id = NEW.convention_id;
  IF c.status <> 'signed' OR NEW.amendment <> c.amendment + 1
      OR coalesce(subsidies.section_state(NEW.convention_id, 'terms'), 'open') <> 'approved'
      OR EXISTS (SELECT 1 FROM subsidies.convention_versions v WHERE v.convention_id = NEW.convention_id
        AND v.amendment = c.amendment AND v.signed_on IS NULL) THEN
    RAISE EXCEPTION 'an amendment cannot be opened on convention % now', NEW.convention_id
      USING ERRCODE = 'RA409', HINT = 'subsidies.errors.amendment_not_allowed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER convention_versions_opening BEFORE INSERT ON subsidies.convention_versions
  FOR EACH ROW EXECUTE FUNCTION subsidies.check_amendment_opening();
