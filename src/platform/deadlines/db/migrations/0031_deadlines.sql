-- Deadlines are computed from rules declared in code and from the records they concern; nothing
-- about them is stored but the daily sweeps: one row per day, so that with several application
-- servers the day's sweep runs once, and so that operators see when it ran and what it raised.

CREATE SCHEMA deadlines;
GRANT USAGE ON SCHEMA deadlines TO raaya_app;

CREATE TABLE deadlines.sweeps (
  day date PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  notifications int CHECK (notifications >= 0),
  CHECK (finished_at IS NULL OR finished_at >= started_at)
);

-- Sweeps run as the system at national scope (no user).
ALTER TABLE deadlines.sweeps ENABLE ROW LEVEL SECURITY;
CREATE POLICY sweeps_system ON deadlines.sweeps TO raaya_app
  USING (app.current_scope_level() = 'nation') WITH CHECK (app.current_scope_level() = 'nation');
GRANT SELECT, INSERT (day), UPDATE (finished_at, notifications, started_at) ON deadlines.sweeps TO raaya_app;
