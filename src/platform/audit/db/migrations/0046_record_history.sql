-- Record history (decision 0015): the changes of one record and of the rows that belong to it,
-- e.g. an institution with its rooms, services and committee, read from the audit log by the
-- owner's scope key. Two things make it possible:
-- 1. audit.capture() accepts 'self:<key>' arguments: the row's own id is also its <key> scope key
--    (an institution row is its own institution_id), so the row and its children share one key.
-- 2. indexes on the association and institution keys of the log, newest first.
CREATE OR REPLACE FUNCTION audit.capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
  keys jsonb := coalesce(new_row, old_row);
  arg text;
BEGIN
  FOREACH arg IN ARRAY coalesce(TG_ARGV::text[], '{}') LOOP
    IF arg LIKE 'self:%' THEN
      keys := keys || jsonb_build_object(substr(arg, 6), keys->>'id');
    ELSE
      old_row := old_row - arg;
      new_row := new_row - arg;
    END IF;
  END LOOP;
  -- A change of bookkeeping columns only (hidden ones, updated_at) is not a change worth an entry.
  IF TG_OP = 'UPDATE' AND old_row - 'updated_at' = new_row - 'updated_at' THEN
    RETURN NULL;
  END IF;
  PERFORM audit.append(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, keys->>'id', lower(TG_OP), NULL,
    old_row, new_row, keys);
  RETURN NULL;
END $$;

CREATE INDEX audit_log_association_idx ON audit.log (association_id, seq DESC) WHERE association_id IS NOT NULL;
CREATE INDEX audit_log_institution_idx ON audit.log (institution_id, seq DESC) WHERE institution_id IS NOT NULL;

-- Who made a change is shown by name even when the author's account lies outside the reader's
-- scope (a national administrator editing an institution): names only, nothing else.
CREATE FUNCTION audit.actor_names(p_ids uuid[])
RETURNS TABLE (id uuid, username text, full_name_ar text, full_name_fr text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT u.id, u.username, u.full_name_ar, u.full_name_fr FROM access.users u WHERE u.id = ANY(p_ids)
$$;
REVOKE ALL ON FUNCTION audit.actor_names(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.actor_names(uuid[]) TO raaya_app;
