-- Issue 7: abuse protection of the public site without third-party services (decision 0024).
--
-- Rate limits per address, shared by every application server: one row per (action, address key,
-- window). The key is an HMAC of the address with the site's secret, computed by the server: no
-- raw address is ever stored, and without the secret a key cannot be traced back to an address.
-- Operational counters, not records of anyone: not audited (an audited counter would let a flood
-- of posts flood the audit chain too).
CREATE TABLE directory.rate_limits (
  action text NOT NULL CHECK (action IN ('request', 'status')),
  address_key bytea NOT NULL CHECK (length(address_key) BETWEEN 16 AND 64),
  window_start timestamptz NOT NULL,
  hits int NOT NULL DEFAULT 1 CHECK (hits >= 1),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (action, address_key, window_start)
);
CREATE INDEX rate_limits_expiry_idx ON directory.rate_limits (expires_at);
-- No policy and no grant: only the definer function below touches the counters.
ALTER TABLE directory.rate_limits ENABLE ROW LEVEL SECURITY;

-- Counts one hit of an address for an action in the current fixed window and answers whether it
-- is within the limit. Hits over the limit are counted too (a flood stays refused until the window
-- ends). Windows that ended are purged on the way (an index range, a handful of rows at a time).
CREATE FUNCTION directory.rate_limit_hit(p_action text, p_address_key bytea, p_limit int, p_window_seconds int)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_start timestamptz := to_timestamp(floor(extract(epoch FROM now()) / p_window_seconds) * p_window_seconds);
  v_hits int;
BEGIN
  IF p_limit < 1 OR p_window_seconds < 1 OR p_window_seconds > 86400 THEN
    RAISE EXCEPTION 'bad rate limit' USING ERRCODE = 'check_violation', CONSTRAINT = 'rate_limits_parameters';
  END IF;
  DELETE FROM directory.rate_limits WHERE ctid IN (
    SELECT ctid FROM directory.rate_limits WHERE expires_at < now() ORDER BY expires_at LIMIT 100);
  INSERT INTO directory.rate_limits AS r (action, address_key, window_start, hits, expires_at)
  VALUES (p_action, p_address_key, v_start, 1, v_start + make_interval(secs => p_window_seconds))
  ON CONFLICT (action, address_key, window_start) DO UPDATE SET hits = r.hits + 1
  RETURNING hits INTO v_hits;
  RETURN v_hits <= p_limit;
END $$;
REVOKE ALL ON FUNCTION directory.rate_limit_hit(text, bytea, int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION directory.rate_limit_hit(text, bytea, int, int) TO raaya_app;

-- The public site's secret (keys of addresses, signed form tokens). Kept in the database so that
-- every application server uses the same one with no configuration: the first server to ask
-- stores its random candidate, every later one gets that stored secret back.
CREATE TABLE directory.site_secrets (
  name text PRIMARY KEY CHECK (name IN ('public_site')),
  secret bytea NOT NULL CHECK (length(secret) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE directory.site_secrets ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION directory.site_secret(p_candidate bytea) RETURNS bytea
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_secret bytea;
BEGIN
  INSERT INTO directory.site_secrets (name, secret) VALUES ('public_site', p_candidate) ON CONFLICT (name) DO NOTHING;
  SELECT s.secret INTO v_secret FROM directory.site_secrets s WHERE s.name = 'public_site';
  RETURN v_secret;
END $$;
REVOKE ALL ON FUNCTION directory.site_secret(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION directory.site_secret(bytea) TO raaya_app;
