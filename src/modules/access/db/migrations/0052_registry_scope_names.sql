-- Accounts at association and institution level (the registry, 0051) carry the name of their
-- association or institution as their scope name, as delegation and region accounts do.
CREATE OR REPLACE FUNCTION access.act_as(u access.users)
RETURNS TABLE (user_id uuid, username text, full_name_ar text, full_name_fr text, email text, phone text,
  language text, role text, scope_level text, region_id uuid, delegation_id uuid, association_id uuid,
  institution_id uuid, scope_name_ar text, scope_name_fr text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM set_config('app.user_id', u.id::text, true),
    set_config('app.role', u.role, true),
    set_config('app.scope_level', u.scope_level, true),
    set_config('app.region_id', coalesce(u.region_id::text, ''), true),
    set_config('app.delegation_id', coalesce(u.delegation_id::text, ''), true),
    set_config('app.association_id', coalesce(u.association_id::text, ''), true),
    set_config('app.institution_id', coalesce(u.institution_id::text, ''), true);
  RETURN QUERY SELECT u.id, u.username, u.full_name_ar, u.full_name_fr, u.email, u.phone, u.language, u.role,
    u.scope_level, u.region_id, u.delegation_id, u.association_id, u.institution_id,
    coalesce(i.name_ar, a.name_ar, d.name_ar, c.name_ar, 'التعاون الوطني - الإدارة المركزية'),
    coalesce(i.name_fr, a.name_fr, d.name_fr, c.name_fr, 'Entraide Nationale - Administration centrale')
  FROM (SELECT 1) one
  LEFT JOIN registry.institutions i ON i.id = u.institution_id
  LEFT JOIN registry.associations a ON a.id = u.association_id AND u.institution_id IS NULL
  LEFT JOIN organisation.delegations d ON d.id = u.delegation_id
  LEFT JOIN organisation.coordinations c ON c.region_id = u.region_id AND u.delegation_id IS NULL;
END $$;
REVOKE ALL ON FUNCTION access.act_as(access.users) FROM PUBLIC;
