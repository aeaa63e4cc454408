-- Bulk writes (a 100,000-row import in one transaction) and the audit chain.
--
-- audit.append() used to read and update the single row audit.chain_head for every entry. Inside
-- one transaction every UPDATE of that row leaves a new row version that no one may prune before
-- the transaction ends, so the n-th entry walked n versions: a 100,000-row import took quadratic
-- time (48,000 rows in 6 minutes, slower with every batch).
--
-- Now a transaction locks the head once (SELECT … FOR UPDATE: concurrent writers still queue in
-- the same order, and the chain stays one line), keeps the running head in transaction-local
-- settings, and writes audit.chain_head once, at commit, from a deferred constraint trigger that
-- acts only for the transaction's last entry. Entries, their hashes and their links are exactly
-- what they were (audit:verify is unchanged); a rolled-back subtransaction also rolls back its
-- settings, so the cached head never points at a discarded entry.

CREATE OR REPLACE FUNCTION audit.append(p_table text, p_record text, p_action text, p_event text,
  p_before jsonb, p_after jsonb, p_keys jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  head_seq bigint := nullif(current_setting('audit.tx_head_seq', true), '')::bigint;
  head_hash text := nullif(current_setting('audit.tx_head_hash', true), '');
  entry audit.log;
BEGIN
  IF head_seq IS NULL THEN
    -- First entry of this transaction: take the chain's lock (held until commit) and its head.
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit.chain_head h WHERE h.id = 1 FOR UPDATE;
  END IF;
  entry.seq := head_seq + 1;
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
  entry.prev_hash := head_hash;
  entry.hash := encode(sha256(convert_to(audit.entry_text(entry), 'UTF8')), 'hex');
  INSERT INTO audit.log SELECT entry.*;
  PERFORM set_config('audit.tx_head_seq', entry.seq::text, true),
    set_config('audit.tx_head_hash', entry.hash, true);
END $$;
REVOKE ALL ON FUNCTION audit.append(text, text, text, text, jsonb, jsonb, jsonb) FROM PUBLIC;

-- At commit: the transaction's last entry becomes the chain head (one UPDATE per transaction).
CREATE FUNCTION audit.store_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.seq = nullif(current_setting('audit.tx_head_seq', true), '')::bigint THEN
    UPDATE audit.chain_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION audit.store_head() FROM PUBLIC;
CREATE CONSTRAINT TRIGGER audit_log_store_head AFTER INSERT ON audit.log
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit.store_head();
