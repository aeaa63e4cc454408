-- A merge combines the two records (issue 6 item 3; decision 0017).
--
-- 0083 moved the merged person's case files, requests, referrals, admissions, relatives and
-- sensitive rows to the kept person. It left behind:
-- - the follow-ups after exit (which carry the person beside their case file);
-- - the transfers of the register;
-- - the recorded legal bases and consents (law 09-08);
-- - the retention reviews.
-- It also left the kept record without what only the merged one knew: a CNIE, a phone, the name
-- in the other script, an exact birth date where only the year was known.
--
-- Now approval also:
-- - moves those four kinds of rows;
-- - fills each empty field of the kept record from the merged one, and makes a birth year exact
--   when the merged record has the exact date in that year. A field the kept record has is never
--   overwritten: the reviewer kept that record for its data.
-- What was filled is recorded, value before and after ("filled"). A revert first puts back each
-- field still holding the filled value: a correction made since the merge stays. It then puts the
-- rows back, and the merged record is live again. The kept record's update is audited like any
-- other write.

ALTER TABLE beneficiaries.merges ADD COLUMN filled jsonb;
COMMENT ON COLUMN beneficiaries.merges.filled IS
  'Fields of the kept person filled from the merged one at approval: { "<column>": { "before": v, "after": v } }, read back by the revert.';

-- The kept person's fields that the merged person may fill when empty (identity, contact, situation).
CREATE FUNCTION beneficiaries.merge_fillable_fields() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['first_name_ar', 'last_name_ar', 'first_name_lat', 'last_name_lat', 'birth_place', 'cnie', 'idcs', 'phone',
    'address', 'commune_id', 'family_status', 'schooling_level', 'household_id']
$$;

-- What the merged person gives the kept one: { column: { before, after } }.
CREATE FUNCTION beneficiaries.merge_fill(p_kept uuid, p_merged uuid) RETURNS jsonb
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  kept jsonb;
  merged jsonb;
  filled jsonb := '{}';
  f text;
BEGIN
  SELECT to_jsonb(p) INTO kept FROM beneficiaries.persons p WHERE p.id = p_kept;
  SELECT to_jsonb(p) INTO merged FROM beneficiaries.persons p WHERE p.id = p_merged;
  FOREACH f IN ARRAY beneficiaries.merge_fillable_fields() LOOP
    IF kept -> f = 'null' AND merged -> f <> 'null' THEN
      filled := filled || jsonb_build_object(f, jsonb_build_object('before', kept -> f, 'after', merged -> f));
    END IF;
  END LOOP;
  -- The birth date: the merged one's when the kept record has none, or its exact date in the same year.
  IF merged ->> 'birth_date' IS NOT NULL AND (kept ->> 'birth_date' IS NULL OR (kept ->> 'birth_date_precision' = 'year'
      AND merged ->> 'birth_date_precision' = 'exact' AND left(kept ->> 'birth_date', 4) = left(merged ->> 'birth_date', 4))) THEN
    filled := filled
      || jsonb_build_object('birth_date', jsonb_build_object('before', kept -> 'birth_date', 'after', merged -> 'birth_date'))
      || jsonb_build_object('birth_date_precision', jsonb_build_object('before', kept -> 'birth_date_precision', 'after', merged -> 'birth_date_precision'));
  END IF;
  RETURN filled;
END $$;

-- Sets the person's fields named in p_values (one statement: one audited update), each only where
-- the record still holds p_expected's value for it: an approval fills only what is still empty, a
-- revert empties only what still holds the filled value.
CREATE FUNCTION beneficiaries.merge_set_fields(p_person uuid, p_values jsonb, p_expected jsonb) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  assignments text;
BEGIN
  SELECT string_agg(format('%1$I = CASE WHEN coalesce(to_jsonb(p.%1$I), ''null'') = $3 -> %1$L THEN v.%1$I ELSE p.%1$I END', key), ', ')
    INTO assignments FROM jsonb_object_keys(p_values) AS key;
  IF assignments IS NULL THEN
    RETURN;
  END IF;
  EXECUTE format('UPDATE beneficiaries.persons p SET %s FROM jsonb_populate_record(NULL::beneficiaries.persons, $1) v WHERE p.id = $2', assignments)
    USING p_values, p_person, p_expected;
END $$;
-- Helpers of review_merge (which runs as the owner); nobody else calls them.
REVOKE ALL ON FUNCTION beneficiaries.merge_fill(uuid, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION beneficiaries.merge_set_fields(uuid, jsonb, jsonb) FROM PUBLIC;

CREATE OR REPLACE FUNCTION beneficiaries.review_merge(p_merge uuid, p_action text, p_note text)
RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  m beneficiaries.merges;
  v_moved jsonb := '{}'::jsonb;
  v_filled jsonb;
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
    FOREACH t IN ARRAY ARRAY['cases', 'requests', 'referrals', 'admissions', 'relatives', 'health_records', 'disabilities', 'protection_records',
        'follow_ups', 'transfers', 'consents', 'retention_reviews'] LOOP
      EXECUTE format('WITH m AS (UPDATE beneficiaries.%I SET person_id = $1 WHERE person_id = $2 RETURNING id) SELECT coalesce(array_agg(id), ''{}'') FROM m', t)
        INTO ids USING m.kept_id, m.merged_id;
      v_moved := v_moved || jsonb_build_object(t, to_jsonb(ids));
    END LOOP;
    v_filled := beneficiaries.merge_fill(m.kept_id, m.merged_id);
    -- The merged record leaves the live ones first: its CNIE or IDCS (unique among them) can then go to the kept one.
    UPDATE beneficiaries.persons SET merged_into = m.kept_id WHERE id = m.merged_id;
    PERFORM beneficiaries.merge_set_fields(m.kept_id,
      (SELECT coalesce(jsonb_object_agg(key, value -> 'after'), '{}') FROM jsonb_each(v_filled)),
      (SELECT coalesce(jsonb_object_agg(key, value -> 'before'), '{}') FROM jsonb_each(v_filled)));
    UPDATE beneficiaries.merges SET status = 'approved', moved = v_moved, filled = v_filled, review_note = p_note,
      reviewed_by = app.current_user_id(), reviewed_at = now() WHERE id = p_merge;
    RETURN 'approved';
  END IF;

  IF p_action = 'revert' THEN
    -- The filled fields first (while the merged record is not live, its CNIE is free on the kept one).
    -- The birth date and its precision go back together or not at all (a year is stored as 1 January).
    v_filled := coalesce(m.filled, '{}');
    IF v_filled ? 'birth_date' AND NOT EXISTS (SELECT 1 FROM beneficiaries.persons p WHERE p.id = m.kept_id
        AND to_jsonb(p.birth_date) = v_filled -> 'birth_date' -> 'after'
        AND to_jsonb(p.birth_date_precision) = v_filled -> 'birth_date_precision' -> 'after') THEN
      v_filled := v_filled - 'birth_date' - 'birth_date_precision';
    END IF;
    PERFORM beneficiaries.merge_set_fields(m.kept_id,
      (SELECT coalesce(jsonb_object_agg(key, value -> 'before'), '{}') FROM jsonb_each(v_filled)),
      (SELECT coalesce(jsonb_object_agg(key, value -> 'after'), '{}') FROM jsonb_each(v_filled)));
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
