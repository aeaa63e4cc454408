-- Access and transfer requests to the holding delegation (issue 6 item 3; decision 0017).
-- A delegation that finds, through the national match, a person held elsewhere knows only the
-- person's id and holder. It asks the holder for access (its staff then see the person: a share)
-- or for the transfer of the record (the holder changes). The holder decides; everything is audited.
-- Replaces beneficiaries.person_visible() of 0080 to include the shares.

CREATE TABLE beneficiaries.access_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('access', 'transfer')),
  reason text NOT NULL CONSTRAINT access_requests_reason_length CHECK (length(btrim(reason)) BETWEEN 3 AND 1000),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'granted', 'refused')),
  decision_note text CHECK (length(decision_note) <= 1000),
  -- The asking delegation (the writer's own) and the holder at the time of the request, filled by
  -- beneficiaries.fill_access_request() (the holder of a person the writer cannot see).
  requester_region_id uuid REFERENCES territory.regions(id),
  requester_delegation_id uuid REFERENCES organisation.delegations(id)
    CONSTRAINT access_requests_requester_delegation CHECK (requester_delegation_id IS NOT NULL),
  holder_region_id uuid REFERENCES territory.regions(id),
  holder_delegation_id uuid REFERENCES organisation.delegations(id),
  requested_by uuid REFERENCES access.users(id) DEFAULT app.current_user_id(),
  decided_by uuid REFERENCES access.users(id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT access_requests_other_holder CHECK (holder_delegation_id IS DISTINCT FROM requester_delegation_id),
  CONSTRAINT access_requests_decided CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- One pending request per person, kind and asking delegation.
CREATE UNIQUE INDEX access_requests_one_pending ON beneficiaries.access_requests (person_id, kind, requester_delegation_id) WHERE status = 'pending';
CREATE INDEX access_requests_incoming_idx ON beneficiaries.access_requests (holder_delegation_id, status, created_at DESC, id);
CREATE INDEX access_requests_outgoing_idx ON beneficiaries.access_requests (requester_delegation_id, status, created_at DESC, id);
CREATE INDEX access_requests_holder_region_idx ON beneficiaries.access_requests (holder_region_id, created_at DESC, id);
CREATE INDEX access_requests_requester_region_idx ON beneficiaries.access_requests (requester_region_id, created_at DESC, id);

CREATE FUNCTION beneficiaries.fill_access_request() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.requester_delegation_id := app.setting_uuid('app.delegation_id');
  SELECT d.region_id INTO NEW.requester_region_id FROM organisation.delegations d WHERE d.id = NEW.requester_delegation_id;
  SELECT p.region_id, p.delegation_id INTO NEW.holder_region_id, NEW.holder_delegation_id
  FROM beneficiaries.persons p WHERE p.id = NEW.person_id AND p.merged_into IS NULL;
  IF NEW.holder_delegation_id IS NULL THEN
    RAISE EXCEPTION 'no such person' USING ERRCODE = 'check_violation', CONSTRAINT = 'access_requests_person_live';
  END IF;
  NEW.status := 'pending';
  NEW.decided_by := NULL;
  NEW.decided_at := NULL;
  NEW.requested_by := app.current_user_id();
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.fill_access_request() FROM PUBLIC;
CREATE TRIGGER access_requests_fill BEFORE INSERT ON beneficiaries.access_requests
  FOR EACH ROW EXECUTE FUNCTION beneficiaries.fill_access_request();
CREATE TRIGGER access_requests_touch BEFORE UPDATE ON beneficiaries.access_requests FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER access_requests_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.access_requests FOR EACH ROW EXECUTE FUNCTION audit.capture();

ALTER TABLE beneficiaries.access_requests ENABLE ROW LEVEL SECURITY;
-- Seen by the asking and by the holding scope; written (asked) by the asking delegation only;
-- decided only through beneficiaries.decide_access_request().
CREATE POLICY access_requests_read ON beneficiaries.access_requests FOR SELECT TO raaya_app
  USING (app.scope_allows(requester_region_id, requester_delegation_id, NULL, NULL)
    OR app.scope_allows(holder_region_id, holder_delegation_id, NULL, NULL));
CREATE POLICY access_requests_ask ON beneficiaries.access_requests FOR INSERT TO raaya_app
  WITH CHECK (app.scope_allows(requester_region_id, requester_delegation_id, NULL, NULL));
GRANT SELECT, INSERT ON beneficiaries.access_requests TO raaya_app;

-- Delegations that were granted access to a person held elsewhere.
CREATE TABLE beneficiaries.person_shares (
  person_id uuid NOT NULL REFERENCES beneficiaries.persons(id) ON DELETE CASCADE,
  delegation_id uuid NOT NULL REFERENCES organisation.delegations(id),
  region_id uuid NOT NULL REFERENCES territory.regions(id),
  request_id uuid REFERENCES beneficiaries.access_requests(id),
  granted_by uuid REFERENCES access.users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_id, delegation_id)
);
CREATE INDEX person_shares_delegation_idx ON beneficiaries.person_shares (delegation_id, person_id);
CREATE TRIGGER person_shares_audit AFTER INSERT OR UPDATE OR DELETE ON beneficiaries.person_shares FOR EACH ROW EXECUTE FUNCTION audit.capture();
ALTER TABLE beneficiaries.person_shares ENABLE ROW LEVEL SECURITY;
-- No reference to persons here: the persons policy reads this table (a cycle would recurse).
CREATE POLICY person_shares_read ON beneficiaries.person_shares FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, NULL, NULL));
GRANT SELECT ON beneficiaries.person_shares TO raaya_app;

-- 0080's visibility plus the shares granted to the caller's scope (the shares policy applies inside).
CREATE OR REPLACE FUNCTION beneficiaries.person_visible(p_person uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT EXISTS (SELECT 1 FROM beneficiaries.admissions a WHERE a.person_id = p_person)
    OR EXISTS (SELECT 1 FROM beneficiaries.cases c WHERE c.person_id = p_person)
    OR EXISTS (SELECT 1 FROM beneficiaries.referrals r WHERE r.person_id = p_person)
    OR EXISTS (SELECT 1 FROM beneficiaries.person_shares s WHERE s.person_id = p_person)
$$;

-- The holder's decision. Granting access shares the person with the asking delegation; granting a
-- transfer makes the asking delegation the holder (the institution link is dropped: the record
-- now belongs to the delegation that follows the person). Only a pending request, only by a caller
-- whose scope holds the person now.
CREATE FUNCTION beneficiaries.decide_access_request(p_request uuid, p_grant boolean, p_note text)
RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r beneficiaries.access_requests;
  holder_region uuid;
  holder_delegation uuid;
BEGIN
  SELECT * INTO r FROM beneficiaries.access_requests WHERE id = p_request FOR UPDATE;
  IF NOT FOUND OR app.current_user_id() IS NULL THEN
    RETURN 'not_found';
  END IF;
  SELECT p.region_id, p.delegation_id INTO holder_region, holder_delegation FROM beneficiaries.persons p WHERE p.id = r.person_id;
  IF NOT app.scope_allows(holder_region, holder_delegation, NULL, NULL) THEN
    RETURN 'not_found';
  END IF;
  IF r.status <> 'pending' THEN
    RAISE EXCEPTION 'already decided' USING ERRCODE = 'check_violation', CONSTRAINT = 'access_requests_already_decided';
  END IF;
  UPDATE beneficiaries.access_requests
    SET status = CASE WHEN p_grant THEN 'granted' ELSE 'refused' END, decision_note = p_note,
        decided_by = app.current_user_id(), decided_at = now()
    WHERE id = p_request;
  IF p_grant AND r.kind = 'access' THEN
    INSERT INTO beneficiaries.person_shares (person_id, delegation_id, region_id, request_id, granted_by)
    VALUES (r.person_id, r.requester_delegation_id, r.requester_region_id, r.id, app.current_user_id())
    ON CONFLICT (person_id, delegation_id) DO NOTHING;
  ELSIF p_grant AND r.kind = 'transfer' THEN
    UPDATE beneficiaries.persons SET institution_id = NULL, delegation_id = r.requester_delegation_id WHERE id = r.person_id;
  END IF;
  RETURN CASE WHEN p_grant THEN 'granted' ELSE 'refused' END;
END $$;
REVOKE ALL ON FUNCTION beneficiaries.decide_access_request(uuid, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beneficiaries.decide_access_request(uuid, boolean, text) TO raaya_app;
