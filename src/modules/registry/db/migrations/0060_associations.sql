-- Associations (founders): an index for every filter and sort of the list (0051 has the name in
-- French, the region, the delegation and the folded-name trigram), and the scope keys of accounts
-- at association and institution level, taken from the registry row they are scoped to.

CREATE INDEX associations_name_ar_idx ON registry.associations (name_ar, id);
CREATE INDEX associations_province_idx ON registry.associations (province_id, name_fr, id);
CREATE INDEX associations_legal_form_idx ON registry.associations (legal_form, name_fr, id);
CREATE INDEX associations_status_idx ON registry.associations (status, name_fr, id);
CREATE INDEX associations_board_renewal_idx ON registry.associations (board_renewal_date, id);
CREATE INDEX associations_public_utility_idx ON registry.associations (name_fr, id) WHERE public_utility;

-- An account at association level carries its association's region and delegation; one at
-- institution level its institution's region, delegation and founder. So the administrators of
-- that region or delegation see and manage it (access.users RLS), and nobody outside. The
-- registry row is read under the caller's row-level security: an administrator who cannot see
-- the association or institution gets no keys, and the policy's WITH CHECK refuses the row.
CREATE OR REPLACE FUNCTION access.fill_scope_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.scope_level = 'institution' THEN
    SELECT i.region_id, i.delegation_id, i.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
    FROM registry.institutions i WHERE i.id = NEW.institution_id;
  ELSIF NEW.scope_level = 'association' THEN
    SELECT a.region_id, a.delegation_id INTO NEW.region_id, NEW.delegation_id
    FROM registry.associations a WHERE a.id = NEW.association_id;
  ELSIF NEW.delegation_id IS NOT NULL THEN
    SELECT d.region_id INTO NEW.region_id FROM organisation.delegations d WHERE d.id = NEW.delegation_id;
  END IF;
  RETURN NEW;
END $$;
