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
-- A trigger of its own on access.users: access.fill_scope_keys() also serves other tables.
CREATE FUNCTION registry.fill_account_scope_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.scope_level = 'institution' THEN
    SELECT i.region_id, i.delegation_id, i.association_id INTO NEW.region_id, NEW.delegation_id, NEW.association_id
    FROM registry.institutions i WHERE i.id = NEW.institution_id;
  ELSIF NEW.scope_level = 'association' THEN
    SELECT a.region_id, a.delegation_id INTO NEW.region_id, NEW.delegation_id
    FROM registry.associations a WHERE a.id = NEW.association_id;
  END IF;
  RETURN NEW;
END $$;
-- Named to fire after users_fill_scope_keys (triggers fire in name order), so it has the last word.
CREATE TRIGGER users_fill_scope_keys_registry BEFORE INSERT OR UPDATE OF scope_level, association_id, institution_id ON access.users
  FOR EACH ROW EXECUTE FUNCTION registry.fill_account_scope_keys();
