-- Optional e-mail copies of notifications (RAAYA_SMTP_URL). emailed_at marks a notification as
-- sent (or skipped: the recipient has no address); a delivery run takes the pending ones through
-- the definer functions below, since the recipients are other users than the (absent) caller.
-- (Numbered in the deadlines range: the notifications core had only 0030.)

ALTER TABLE notifications.notifications ADD COLUMN emailed_at timestamptz;
CREATE INDEX notifications_email_pending_idx ON notifications.notifications (created_at, id) WHERE emailed_at IS NULL;

-- The oldest pending notifications of the last two days, with the recipient's address and
-- language; locked until the transaction ends so that two servers never send the same one.
CREATE FUNCTION notifications.pending_emails(p_limit int)
RETURNS TABLE (id uuid, message_key text, params jsonb, link text, email text, language text, full_name_ar text, full_name_fr text)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT n.id, n.message_key, n.params, n.link, u.email, u.language, u.full_name_ar, u.full_name_fr
  FROM notifications.notifications n JOIN access.users u ON u.id = n.user_id
  WHERE n.emailed_at IS NULL AND n.created_at > now() - interval '2 days'
  ORDER BY n.created_at, n.id
  LIMIT p_limit
  FOR UPDATE OF n SKIP LOCKED
$$;
REVOKE ALL ON FUNCTION notifications.pending_emails(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notifications.pending_emails(int) TO raaya_app;

CREATE FUNCTION notifications.mark_emailed(p_ids uuid[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  UPDATE notifications.notifications SET emailed_at = now() WHERE id = ANY (p_ids) AND emailed_at IS NULL
$$;
REVOKE ALL ON FUNCTION notifications.mark_emailed(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notifications.mark_emailed(uuid[]) TO raaya_app;
