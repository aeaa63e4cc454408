-- Audit of bulk inserts in one trigger call per statement.
--
-- A row trigger costs, for every inserted row, two PL/pgSQL calls with their SECURITY DEFINER
-- setup, settings read and written, and one INSERT into audit.log. For a 100,000-row import that
-- overhead dominated the commit. audit.capture_inserts() is a statement trigger over the
-- statement's transition table: it builds exactly the entries the row trigger would have built
-- (same content, same order, same hash chain: seq, prev_hash and hash computed one after the
-- other) and writes them with a single INSERT. Updates and deletes keep the row trigger.
-- Used for access.users; other tables may switch the same way (see docs/decisions/0009).

CREATE FUNCTION audit.capture_inserts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  head_seq bigint := nullif(current_setting('audit.tx_head_seq', true), '')::bigint;
  head_hash text := nullif(current_setting('audit.tx_head_hash', true), '');
  hidden text[] := coalesce(TG_ARGV::text[], '{}');
  tbl text := TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME;
  actor uuid := nullif(current_setting('app.user_id', true), '')::uuid;
  entry audit.log;
  entries audit.log[] := '{}';
  r record;
BEGIN
  FOR r IN SELECT to_jsonb(n) AS j FROM new_rows n LOOP
    IF head_seq IS NULL THEN
      SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit.chain_head h WHERE h.id = 1 FOR UPDATE;
    END IF;
    entry.seq := head_seq + 1;
    entry.at := now();
    entry.actor_id := actor;
    entry.table_name := tbl;
    entry.record_id := r.j->>'id';
    entry.action := 'insert';
    entry.event := NULL;
    entry.before := NULL;
    entry.after := r.j - hidden;
    entry.region_id := (r.j->>'region_id')::uuid;
    entry.delegation_id := (r.j->>'delegation_id')::uuid;
    entry.association_id := (r.j->>'association_id')::uuid;
    entry.institution_id := (r.j->>'institution_id')::uuid;
    entry.prev_hash := head_hash;
    entry.hash := encode(sha256(convert_to(audit.entry_text(entry), 'UTF8')), 'hex');
    entries := array_append(entries, entry);
    head_seq := entry.seq;
    head_hash := entry.hash;
  END LOOP;
  IF cardinality(entries) > 0 THEN
    INSERT INTO audit.log SELECT * FROM unnest(entries);
    PERFORM set_config('audit.tx_head_seq', head_seq::text, true),
      set_config('audit.tx_head_hash', head_hash, true);
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION audit.capture_inserts() FROM PUBLIC;

DROP TRIGGER users_audit ON access.users;
CREATE TRIGGER users_audit AFTER UPDATE OR DELETE ON access.users
  FOR EACH ROW EXECUTE FUNCTION audit.capture('password_hash', 'failed_logins', 'locked_until', 'last_login_at');
CREATE TRIGGER users_audit_inserts AFTER INSERT ON access.users REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION audit.capture_inserts('password_hash', 'failed_logins', 'locked_until', 'last_login_at');
