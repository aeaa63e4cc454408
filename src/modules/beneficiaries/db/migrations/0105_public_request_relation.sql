-- Issue 7: the public form says who is asking (the person, a relative, a neighbour, an
-- association, someone else). 0085's function wrote 'self' for everyone; this one takes the
-- relation. 'authority' stays a desk-only value: a visitor of the public site cannot claim it.
DROP FUNCTION beneficiaries.submit_public_request(text, text, uuid, text[], text[], text, boolean, boolean);

CREATE FUNCTION beneficiaries.submit_public_request(
  p_requester_relation text, p_requester_name text, p_requester_phone text, p_commune uuid, p_needs text[], p_services text[],
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
  IF p_requester_relation IS NULL OR p_requester_relation NOT IN ('self', 'family', 'neighbour', 'association', 'other') THEN
    RAISE EXCEPTION 'not a relation a visitor may give' USING ERRCODE = 'check_violation', CONSTRAINT = 'public_requests_relation';
  END IF;
  SELECT c.delegation_id INTO v_delegation FROM territory.communes c WHERE c.id = p_commune;
  IF v_delegation IS NULL THEN
    RAISE EXCEPTION 'unknown commune' USING ERRCODE = 'check_violation', CONSTRAINT = 'public_requests_commune';
  END IF;
  INSERT INTO beneficiaries.requests (channel, reception_point, requester_relation, requester_name, requester_phone, commune_id,
    needs, services, summary, consent_given, status, delegation_id, institution_id)
  VALUES ('public_request', 'public_site', p_requester_relation, p_requester_name, p_requester_phone, p_commune,
    coalesce(p_needs, '{}'), coalesce(p_services, '{}'), p_summary, true,
    CASE WHEN p_automated THEN 'review' ELSE 'new' END, v_delegation, NULL)
  RETURNING number INTO v_number;
  RETURN v_number;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.submit_public_request(text, text, text, uuid, text[], text[], text, boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.submit_public_request(text, text, text, uuid, text[], text[], text, boolean, boolean) TO raaya_app;
