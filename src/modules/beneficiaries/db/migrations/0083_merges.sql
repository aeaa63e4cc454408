-- Reviewed and reversible merges of duplicate persons (issue 6 item 3; decision 0017).
-- A merge holder proposes "keep A, merge B into A" with a reason; another merge holder approves
-- (or rejects). Approval moves B's case files, requests, referrals, admissions, relatives and
-- sensitive rows to A, marks B merged_into A, and records the ids that moved, so a revert puts
-- exactly those rows back. Moving rows the reviewer's RLS may not all see (an admission in another
-- region's institution) is the point of a national merge: it runs in definer functions that check
-- the reviewer's role and scope themselves.

CREATE TABLE beneficiaries.merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kept_id uuid NOT NULL REFERENCES beneficiaries.persons(id),
  merged_id uuid NOT NULL REFERENCES beneficiaries.persons(id),
  reason text NOT NULL CONSTRAINT merges_reason_length CHECK (length(btrim(reason)) BETWEEN 3 AND 1000),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'reverted')),
  review_note text CHECK (length(review_note) <= 1000),
  -- What moved at approval: { "<table>": [ids] }, read back by the revert.
  moved jsonb,
  proposed_by uuid REFERENCES access.users(id) DEFAULT app.current_user_id(),
  reviewed_by uuid REFERENCES access.users(id),
  reviewed_at timestamptz,
  reverted_by uuid REFERENCES access.users(id),
  reverted_at timestamptz,
  -- The kept person's holder (filled by the trigger): whose scope lists and reviews the merge.
  region_id uuid REFERENCES territory.regions(id),
  delegation_id uuid REFERENCES organisation.delegations(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT merges_two_persons CHECK (kept_id <> merged_id),
  CONSTRAINT merges_reviewer_not_proposer CHECK (reviewed_by IS NULL OR reviewed_by IS DISTINCT FROM proposed_by)
);
-- A person is in at most one open (proposed or applied) merge as the merged one.
CREATE UNIQUE INDEX merges_one_open ON beneficiaries.merges (merged_id) WHERE status IN ('proposed', 'approved');
CREATE INDEX merges_delegation_idx ON beneficiaries.merges (delegation_id, status, created_at DESC, id);
CREATE INDEX merges_region_idx ON beneficiaries.merges (region_id, status, created_at DESC, id);
CREATE INDEX merges_kept_idx ON beneficiaries.merges (kept_id);

CREATE FUNCTION beneficiaries.fill_merge_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.region_id, p.delegation_id INTO NEW.region_id, NEW.delegation_id FROM beneficiaries.persons p WHERE p.id = NEW.kept_id;
  IF TG_OP = 'INSERT' THEN
    NEW.proposed_by := app.current_user_id();
    NEW.status := 'proposed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER merges_fill_keys BEFORE INSERT ON beneficiaries.merges FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_merge_keys();
CREATE TRIGGER merges_touch BEFORE UPDATE ON beneficiaries.merges FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER merges_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.merges FOR EACH ROW EXECUTE FUNCTION audit.capture();

ALTER TABLE beneficiaries.merges ENABLE ROW LEVEL SECURITY;
CREATE POLICY merges_in_scope ON beneficiaries.merges FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, NULL, NULL));
-- Proposing needs both persons visible to the proposer (their policies apply inside).
CREATE POLICY merges_propose ON beneficiaries.merges FOR INSERT TO raaya_app
  WITH CHECK (app.scope_allows(region_id, delegation_id, NULL, NULL)
    AND EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = kept_id AND p.merged_into IS NULL)
    AND EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = merged_id AND p.merged_into IS NULL));
GRANT SELECT, INSERT ON beneficiaries.merges TO raaya_app;

-- The roles that hold 'beneficiaries.merge' (the API checks the permission; a test keeps both equal).
CREATE FUNCTION beneficiaries.may_merge() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(app.current_role() IN ('provincial_delegate', 'system_admin'), false)
$$;

-- Approve, reject or revert. Returns 'not_found' for a merge outside the caller's scope.
CREATE FUNCTION beneficiaries.review_merge(p_merge uuid, p_action text, p_note text)
RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m beneficiaries.merges;
  v_moved jsonb := '{}'::jsonb;
  ids uuid[];
  t text;
BEGIN
  SELECT * INTO m FROM beneficiaries.merges WHERE id = p_merge FOR UPDATE;
  IF NOT FOUND OR app.current_user_id() IS NULL OR NOT app.scope_allows(m.region_id, m.delegation_id, NULL, NULL) THEN
    RETURN 'not_found';
  END IF;
  IF NOT beneficiaries.may_merge() THEN
    RAISE EXCEPTION 'not a merge reviewer' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_action IN ('approve', 'reject') THEN
    IF m.status <> 'proposed' THEN
      RAISE EXCEPTION 'not proposed' USING ERRCODE = 'check_violation', CONSTRAINT = 'merges_not_proposed';
    END IF;
    IF m.proposed_by = app.current_user_id() THEN
      RAISE EXCEPTION 'reviewer is the proposer' USING ERRCODE = 'check_violation', CONSTRAINT = 'merges_reviewer_not_proposer';
    END IF;
  ELSIF p_action = 'revert' THEN
    IF m.status <> 'approved' THEN
      RAISE EXCEPTION 'not approved' USING ERRCODE = 'check_violation', CONSTRAINT = 'merges_not_approved';
    END IF;
  END IF;

  IF p_action = 'reject' THEN
    UPDATE beneficiaries.merges SET status = 'rejected', review_note = p_note, reviewed_by = app.current_user_id(), reviewed_at = now() WHERE id = p_merge;
    RETURN 'rejected';
  END IF;

  IF p_action = 'approve' THEN
    IF EXISTS (SELECT 1 FROM beneficiaries.persons WHERE id IN (m.kept_id, m.merged_id) AND merged_into IS NOT NULL) THEN
      RAISE EXCEPTION 'already merged' USING ERRCODE = 'check_violation', CONSTRAINT = 'merges_persons_live';
    END IF;
    FOREACH t IN ARRAY ARRAY['cases', 'requests', 'referrals', 'admissions', 'relatives', 'health_records', 'disabilities', 'protection_records'] LOOP
      EXECUTE format('WITH m AS (UPDATE beneficiaries.%I SET person_id = $1 WHERE person_id = $2 RETURNING id) SELECT coalesce(array_agg(id), ''{}'') FROM m', t)
        INTO ids USING m.kept_id, m.merged_id;
      v_moved := v_moved || jsonb_build_object(t, to_jsonb(ids));
    END LOOP;
    UPDATE beneficiaries.persons SET merged_into = m.kept_id WHERE id = m.merged_id;
    UPDATE beneficiaries.merges SET status = 'approved', moved = v_moved, review_note = p_note, reviewed_by = app.current_user_id(), reviewed_at = now() WHERE id = p_merge;
    RETURN 'approved';
  END IF;

  IF p_action = 'revert' THEN
    FOR t IN SELECT jsonb_object_keys(m.moved) LOOP
      SELECT coalesce(array_agg(value::uuid), '{}') INTO ids FROM jsonb_array_elements_text(m.moved -> t);
      EXECUTE format('UPDATE beneficiaries.%I SET person_id = $1 WHERE id = ANY($2) AND person_id = $3', t) USING m.merged_id, ids, m.kept_id;
    END LOOP;
    UPDATE beneficiaries.persons SET merged_into = NULL WHERE id = m.merged_id;
    UPDATE beneficiaries.merges SET status = 'reverted', reverted_by = app.current_user_id(), reverted_at = now(),
      review_note = coalesce(p_note, review_note) WHERE id = p_merge;
    RETURN 'reverted';
  END IF;
  RAISE EXCEPTION 'unknown action %', p_action;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.review_merge(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.review_merge(uuid, text, text) TO raaya_app;
