-- Persons and reception (issue 6 items 1, 2 and 7): name search in either script, the rules of the
-- reception queue, and the two narrow doors of the public site (issue 7).
--
-- Name search. The database runs in the C locale where pg_trgm makes no trigram of Arabic letters;
-- registry.trigram_key() (0065) spells each Arabic letter in ASCII, so one expression index over
-- both folded keys serves a search typed in either script. It is an expression index, not a
-- column, so the persons' audit entries and other parts' columns stay as they are. The search
-- re-checks the exact folded keys, since the ASCII spelling may collide with Latin text.
CREATE INDEX persons_search_trgm_idx ON beneficiaries.persons
  USING gin (registry.trigram_key(name_key_ar || ' ' || name_key_lat) gin_trgm_ops);
-- The list's sort in Arabic (the Latin sort has persons_delegation_idx of 0080).
CREATE INDEX persons_delegation_ar_idx ON beneficiaries.persons (delegation_id, name_key_ar, id);
CREATE INDEX persons_region_idx ON beneficiaries.persons (region_id, name_key_lat, id);
CREATE INDEX persons_commune_idx ON beneficiaries.persons (commune_id) WHERE commune_id IS NOT NULL;
CREATE INDEX households_delegation_idx ON beneficiaries.households (delegation_id, label, id);

-- A request that opened a case names it; a closed or rejected one says why.
ALTER TABLE beneficiaries.requests
  ADD CONSTRAINT requests_case_opened_has_case CHECK (status <> 'case_opened' OR case_id IS NOT NULL),
  ADD CONSTRAINT requests_closed_has_reason CHECK (status NOT IN ('closed', 'rejected') OR closed_reason IS NOT NULL),
  ADD CONSTRAINT requests_assigned_has_user CHECK (status <> 'assigned' OR assigned_to IS NOT NULL);
CREATE INDEX requests_case_idx ON beneficiaries.requests (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX requests_delegation_urgency_idx ON beneficiaries.requests (delegation_id, urgency, received_at DESC, id);

-- Who may be given a request: an active account of a role that receives (delegate, social worker,
-- director) whose scope covers the request (the request's delegation, or its institution). The
-- assignee's account is read whatever the writer may see of accounts (definer).
CREATE FUNCTION beneficiaries.may_handle_request(p_user uuid, p_delegation uuid, p_institution uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM access.users u
    WHERE u.id = p_user AND u.status = 'active'
      AND u.role IN ('provincial_delegate', 'social_worker', 'institution_director')
      AND ((u.scope_level = 'delegation' AND u.delegation_id = p_delegation)
        OR (u.scope_level = 'institution' AND p_institution IS NOT NULL AND u.institution_id = p_institution)))
$$;
REVOKE ALL ON FUNCTION beneficiaries.may_handle_request(uuid, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.may_handle_request(uuid, uuid, uuid) TO raaya_app;

CREATE FUNCTION beneficiaries.check_request_assignee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.assigned_to IS NOT NULL AND NOT beneficiaries.may_handle_request(NEW.assigned_to, NEW.delegation_id, NEW.institution_id) THEN
    RAISE EXCEPTION 'assignee outside the request''s scope' USING ERRCODE = 'check_violation', CONSTRAINT = 'requests_assignee_in_scope';
  END IF;
  RETURN NEW;
END $$;
-- After the keys trigger (names sort: requests_fill_keys < requests_z_assignee).
CREATE TRIGGER requests_z_assignee BEFORE INSERT OR UPDATE OF assigned_to, delegation_id, institution_id ON beneficiaries.requests
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_request_assignee();

-- The case a request opens belongs to the request's person.
CREATE FUNCTION beneficiaries.check_request_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.case_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM beneficiaries.cases c WHERE c.id = NEW.case_id AND c.person_id IS NOT DISTINCT FROM NEW.person_id) THEN
    RAISE EXCEPTION 'the case is not the request''s person''s' USING ERRCODE = 'check_violation', CONSTRAINT = 'requests_case_of_person';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER requests_z_case BEFORE INSERT OR UPDATE OF case_id, person_id ON beneficiaries.requests
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.check_request_case();

-- Issue 7: a request from the public site. The visitor has no account and no scope, so the
-- request is written here, as the owner, with fixed channel and point; the competent delegation
-- follows from the commune. A request the site flags as automated waits in 'review'. Returns the
-- request's number only (what the visitor keeps to follow it).
CREATE FUNCTION beneficiaries.submit_public_request(
  p_requester_name text, p_requester_phone text, p_commune uuid, p_needs text[], p_services text[],
  p_summary text, p_consent boolean, p_automated boolean
) RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_delegation uuid;
  v_number text;
BEGIN
  IF p_consent IS NOT TRUE THEN
    RAISE EXCEPTION 'consent is required' USING ERRCODE = 'check_violation', CONSTRAINT = 'public_requests_consent';
  END IF;
  IF p_requester_phone IS NULL THEN
    RAISE EXCEPTION 'a phone is required' USING ERRCODE = 'check_violation', CONSTRAINT = 'public_requests_phone';
  END IF;
  SELECT c.delegation_id INTO v_delegation FROM territory.communes c WHERE c.id = p_commune;
  IF v_delegation IS NULL THEN
    RAISE EXCEPTION 'unknown commune' USING ERRCODE = 'check_violation', CONSTRAINT = 'public_requests_commune';
  END IF;
  INSERT INTO beneficiaries.requests (channel, reception_point, requester_relation, requester_name, requester_phone, commune_id,
    needs, services, summary, consent_given, status, delegation_id, institution_id)
  VALUES ('public_request', 'public_site', 'self', p_requester_name, p_requester_phone, p_commune,
    coalesce(p_needs, '{}'), coalesce(p_services, '{}'), p_summary, true,
    CASE WHEN p_automated THEN 'review' ELSE 'new' END, v_delegation, NULL)
  RETURNING number INTO v_number;
  RETURN v_number;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.submit_public_request(text, text, uuid, text[], text[], text, boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.submit_public_request(text, text, uuid, text[], text[], text, boolean, boolean) TO raaya_app;

-- Issue 7: where a public request stands, for whoever holds its number AND the phone given with
-- it (both must match; nothing else of the request is told). A review is shown as 'new'.
CREATE FUNCTION beneficiaries.public_request_status(p_number text, p_phone text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT CASE WHEN r.status = 'review' THEN 'new' ELSE r.status END
  FROM beneficiaries.requests r
  WHERE r.number = p_number AND r.requester_phone = p_phone AND r.channel = 'public_request'
$$;
REVOKE ALL ON FUNCTION beneficiaries.public_request_status(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.public_request_status(text, text) TO raaya_app;
