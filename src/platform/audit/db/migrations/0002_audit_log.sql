-- Append-only, hash-chained audit log. Every audited table carries the trigger audit.capture(),
-- which writes one entry per changed row in the same transaction. Entries are chained: each one's
-- hash covers its content and the previous entry's hash, and audit.chain_head holds the last one,
-- so a changed, removed or truncated entry breaks the chain (npm run audit:verify).
-- The application role may only read entries of its scope; it cannot insert, update or delete.

CREATE SCHEMA audit;
GRANT USAGE ON SCHEMA audit TO raaya_app;

CREATE TABLE audit.log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  table_name text NOT NULL,
  record_id text,
  action text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'event')),
  event text,
  before jsonb,
  after jsonb,
  region_id uuid,
  delegation_id uuid,
  association_id uuid,
  institution_id uuid,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit.log (actor_id, seq DESC);
CREATE INDEX audit_log_record_idx ON audit.log (table_name, record_id, seq DESC);
CREATE INDEX audit_log_at_idx ON audit.log (at);
CREATE INDEX audit_log_region_idx ON audit.log (region_id, seq DESC);
CREATE INDEX audit_log_delegation_idx ON audit.log (delegation_id, seq DESC);

CREATE TABLE audit.chain_head (
  id int PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit.chain_head VALUES (1, 0, repeat('0', 64));

ALTER TABLE audit.log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit.chain_head ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit.log FOR SELECT TO raaya_app
  USING (app.scope_allows(region_id, delegation_id, association_id, institution_id));
GRANT SELECT ON audit.log TO raaya_app;

-- The canonical text an entry's hash covers; audit:verify rebuilds it independently.
CREATE FUNCTION audit.entry_text(e audit.log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', e.seq::text,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(e.actor_id::text, ''), e.table_name, coalesce(e.record_id, ''), e.action,
    coalesce(e.event, ''), coalesce(e.before::text, ''), coalesce(e.after::text, ''), e.prev_hash)
$$;

-- Appends one entry to the chain. The row lock on chain_head orders concurrent writers.
CREATE FUNCTION audit.append(p_table text, p_record text, p_action text, p_event text,
  p_before jsonb, p_after jsonb, p_keys jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  head audit.chain_head;
  entry audit.log;
BEGIN
  SELECT * INTO head FROM audit.chain_head WHERE id = 1 FOR UPDATE;
  entry.seq := head.seq + 1;
  entry.at := now();
  entry.actor_id := nullif(current_setting('app.user_id', true), '')::uuid;
  entry.table_name := p_table;
  entry.record_id := p_record;
  entry.action := p_action;
  entry.event := p_event;
  entry.before := p_before;
  entry.after := p_after;
  entry.region_id := (p_keys->>'region_id')::uuid;
  entry.delegation_id := (p_keys->>'delegation_id')::uuid;
  entry.association_id := (p_keys->>'association_id')::uuid;
  entry.institution_id := (p_keys->>'institution_id')::uuid;
  entry.prev_hash := head.hash;
  entry.hash := encode(sha256(convert_to(audit.entry_text(entry), 'UTF8')), 'hex');
  INSERT INTO audit.log SELECT entry.*;
  UPDATE audit.chain_head SET seq = entry.seq, hash = entry.hash WHERE id = 1;
END $$;
REVOKE ALL ON FUNCTION audit.append(text, text, text, text, jsonb, jsonb, jsonb) FROM PUBLIC;

-- Row trigger. TG_ARGV lists columns never to copy into the log (password hashes and the like).
CREATE FUNCTION audit.capture() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END;
  keys jsonb := coalesce(new_row, old_row);
  hidden text;
BEGIN
  FOREACH hidden IN ARRAY coalesce(TG_ARGV::text[], '{}') LOOP
    old_row := old_row - hidden;
    new_row := new_row - hidden;
  END LOOP;
  -- A change of bookkeeping columns only (hidden ones, updated_at) is not a change worth an entry.
  IF TG_OP = 'UPDATE' AND old_row - 'updated_at' = new_row - 'updated_at' THEN
    RETURN NULL;
  END IF;
  PERFORM audit.append(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, keys->>'id', lower(TG_OP), NULL,
    old_row, new_row, keys);
  RETURN NULL;
END $$;

-- Events that are not row changes (login, logout, failed login, case-file reads later).
CREATE FUNCTION audit.record_event(p_event text, p_table text, p_record text, p_details jsonb, p_keys jsonb)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT audit.append(p_table, p_record, 'event', p_event, NULL, p_details, p_keys)
$$;
REVOKE ALL ON FUNCTION audit.record_event(text, text, text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.record_event(text, text, text, jsonb, jsonb) TO raaya_app;

-- Nobody edits history, not even the owner by mistake.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit.log
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit.log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
