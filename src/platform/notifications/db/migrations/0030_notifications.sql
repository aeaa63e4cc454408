-- In-app notifications, one row per recipient. The text is not stored: a catalog key of the web
-- app ('ns:key') and its parameters, rendered in the reader's language. A dedupe key, unique per
-- user, lets a sweep run any number of times and notify once.
-- A user reads and marks read only their own notifications; the application creates them for
-- others (they follow other people's actions and scheduled sweeps).

CREATE SCHEMA notifications;
GRANT USAGE ON SCHEMA notifications TO raaya_app;

CREATE TABLE notifications.notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES access.users(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,62}$'),
  message_key text NOT NULL CHECK (message_key ~ '^[a-z][a-zA-Z0-9_]*:[a-zA-Z0-9_.]{1,120}$'),
  params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object' AND length(params::text) <= 4000),
  link text CHECK (link ~ '^/[^/\\]' AND length(link) <= 500),
  dedupe_key text CHECK (length(dedupe_key) BETWEEN 1 AND 300),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  CONSTRAINT notifications_dedupe UNIQUE (user_id, dedupe_key)
);
-- My notifications, newest first (keyset on created_at, id), and my unread ones.
CREATE INDEX notifications_user_idx ON notifications.notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications.notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL;

ALTER TABLE notifications.notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_own_read ON notifications.notifications FOR SELECT TO raaya_app
  USING (user_id = app.current_user_id());
CREATE POLICY notifications_own_update ON notifications.notifications FOR UPDATE TO raaya_app
  USING (user_id = app.current_user_id()) WITH CHECK (user_id = app.current_user_id());
GRANT SELECT ON notifications.notifications TO raaya_app;
GRANT UPDATE (read_at) ON notifications.notifications TO raaya_app;
-- Created by the system on someone else's action, through notifications.send() below: the
-- application role has no INSERT right of its own. (An INSERT … ON CONFLICT would have to pass
-- the reading policy, which shows a user only their own rows.)

-- Not audited: a notification is a message about an audited change, not a record of its own.

-- The active accounts whose scope covers a record carrying these scope keys and whose role is one
-- of p_roles: the nation, the record's region, delegation, association or institution.
-- Definer rights: the recipients of a notification usually lie outside the actor's own scope.
-- Returns ids only.
CREATE FUNCTION notifications.users_covering(p_region uuid, p_delegation uuid, p_association uuid,
  p_institution uuid, p_roles text[])
RETURNS TABLE (user_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT u.id FROM access.users u
  WHERE u.status = 'active' AND u.role = ANY (p_roles)
    AND CASE u.scope_level
      WHEN 'nation' THEN true
      WHEN 'region' THEN u.region_id = p_region
      WHEN 'delegation' THEN u.delegation_id = p_delegation
      WHEN 'association' THEN u.association_id = p_association
      WHEN 'institution' THEN u.institution_id = p_institution
      ELSE false
    END
$$;
REVOKE ALL ON FUNCTION notifications.users_covering(uuid, uuid, uuid, uuid, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notifications.users_covering(uuid, uuid, uuid, uuid, text[]) TO raaya_app;

-- One notification for each of p_user_ids (unknown ids fail on the foreign key); a dedupe key
-- already used for a user skips that user.
CREATE FUNCTION notifications.send(p_user_ids uuid[], p_kind text, p_message_key text, p_params jsonb,
  p_link text, p_dedupe_key text)
RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  INSERT INTO notifications.notifications (user_id, kind, message_key, params, link, dedupe_key)
  SELECT DISTINCT u, p_kind, p_message_key, coalesce(p_params, '{}'), p_link, p_dedupe_key FROM unnest(p_user_ids) u
  ON CONFLICT (user_id, dedupe_key) DO NOTHING
$$;
REVOKE ALL ON FUNCTION notifications.send(uuid[], text, text, jsonb, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notifications.send(uuid[], text, text, jsonb, text, text) TO raaya_app;
