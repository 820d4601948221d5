-- Per-policy counts: for each enabled policy with filters, how many of the minute's events match its
-- filters ({"<policy id>": count}). Counted by the rollup consumer as events arrive, so a policy's
-- filtered series starts when its filters were set (alert_policies.filters_since).
ALTER TABLE security_rollups ADD COLUMN by_policy jsonb NOT NULL DEFAULT '{}';
ALTER TABLE alert_policies ADD COLUMN filters_since timestamptz;
UPDATE alert_policies SET filters_since = updated_at;
ALTER TABLE alert_policies ALTER COLUMN filters_since SET NOT NULL;

-- Alerts: one row per (policy, zone) episode. At most one firing alert per policy and zone; the id
-- is derived from (policy, zone, first minute), so an evaluation repeated after a crash finds its
-- own row instead of opening a second one.
CREATE TABLE detect_alerts (
  id           uuid        PRIMARY KEY,
  account_id   text        NOT NULL,
  policy_id    uuid        NOT NULL,
  policy_name  text        NOT NULL,
  zone_id      text        NOT NULL,
  detector     text        NOT NULL,
  state        text        NOT NULL CHECK (state IN ('firing', 'resolved')),
  started_at   timestamptz NOT NULL,  -- the minute that fired
  last_hot_at  timestamptz NOT NULL,  -- the latest minute still above the threshold
  resolved_at  timestamptz,           -- the minute the quiet period that resolved it ended
  window_start timestamptz NOT NULL,  -- the window that fired: one minute, or the anchor's five
  window_end   timestamptz NOT NULL,
  observed     bigint      NOT NULL,
  expected     double precision NOT NULL,
  score        double precision NOT NULL,
  threshold    double precision NOT NULL,
  top_rules     jsonb      NOT NULL DEFAULT '[]',
  top_ips       jsonb      NOT NULL DEFAULT '[]',
  top_countries jsonb      NOT NULL DEFAULT '[]',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX detect_alerts_one_firing ON detect_alerts (policy_id, zone_id) WHERE state = 'firing';
CREATE INDEX detect_alerts_account ON detect_alerts (account_id, started_at DESC, id DESC);

-- The notification outbox: one row per alert state change and channel, written in the transaction
-- that changed the alert, sent by whichever instance leases it first. The id is the delivery id the
-- receiver sees (X-Auditline-Delivery), the same for every attempt.
CREATE TABLE detect_notifications (
  id              uuid        PRIMARY KEY,
  alert_id        uuid        NOT NULL REFERENCES detect_alerts (id) ON DELETE CASCADE,
  state           text        NOT NULL CHECK (state IN ('firing', 'resolved')),
  channel_index   integer     NOT NULL,
  channel_type    text        NOT NULL,
  status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer     NOT NULL DEFAULT 0,
  last_error      text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  UNIQUE (alert_id, state, channel_index)
);

CREATE INDEX detect_notifications_due ON detect_notifications (next_attempt_at) WHERE status = 'pending';
